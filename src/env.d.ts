/// <reference types="astro/client" />

// Plain `tsc` (npm run check) cannot read .astro files; the editor's Astro plugin can.
// This lets .ts modules that import components (the MDX component map) type-check.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
