/** The part of `jsdom` (a devDependency without bundled types; @types/jsdom is not installed) the tests use. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { document: unknown } & Record<string, unknown>;
  }
}
