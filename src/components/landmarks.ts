/**
 * The id of each page's main content: the skip link lands there, and the first paint waits
 * for it (see Base.astro).
 */
export const CONTENT_ID = 'content';
