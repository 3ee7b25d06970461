/** The components every MDX page can use without importing them. */
import H2 from './H2.astro';
import H3 from './H3.astro';
import Pre from './Pre.astro';
import Nuance from './Nuance.astro';
import Notice from './Notice.astro';
import TryThis from './TryThis.astro';
import SideBySide from './SideBySide.astro';
import Snippet from '../../snippet/Snippet.astro';

export const mdxComponents = { h2: H2, h3: H3, pre: Pre, Nuance, Notice, TryThis, SideBySide, Snippet };
