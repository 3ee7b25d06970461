/** The tfjs API index in its stored form (./api-format.ts), generated at build time by src/build/tfjs-api-plugin.ts. */
declare module 'virtual:tfjs-api' {
  const stored: string;
  export default stored;
}
