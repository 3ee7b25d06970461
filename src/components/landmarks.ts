/** Ids every page carries, shared by the elements that have them and the links that point at them. */

/** The main content: the skip link lands there. */
export const CONTENT_ID = 'content';

/**
 * The page's title, the first thing of the main content: the first paint waits until it is
 * parsed (see Base.astro), so the header and the sidebar before it are whole by then.
 */
export const TITLE_ID = 'page-title';
