/**
 * mermaid's own parser for the blocks our reports emit. mermaid is browser-first: its parser
 * needs `window` and `document`, here from jsdom. They are set on globalThis only while mermaid
 * is imported and while each block is parsed, then put back as they were, so the rest of a test
 * file (and the code under test running in it) sees plain Node globals. (mermaid's import also
 * defines `globalThis.injected`, its build flags, which it reads again later; that one stays.)
 */
import { JSDOM } from 'jsdom';

type Mermaid = typeof import('mermaid').default;

let dom: JSDOM | undefined;
let loaded: Promise<Mermaid> | undefined;

async function withDom<T>(work: () => Promise<T>): Promise<T> {
  dom ??= new JSDOM('<!doctype html><html><body></body></html>');
  const globals = globalThis as { window?: unknown; document?: unknown };
  const saved = { window: Object.getOwnPropertyDescriptor(globals, 'window'), document: Object.getOwnPropertyDescriptor(globals, 'document') };
  globals.window = dom.window;
  globals.document = dom.window.document;
  try {
    return await work();
  } finally {
    for (const key of ['window', 'document'] as const) {
      const descriptor = saved[key];
      if (descriptor) Object.defineProperty(globals, key, descriptor);
      else delete globals[key];
    }
  }
}

function mermaid(): Promise<Mermaid> {
  loaded ??= withDom(async () => {
    const { default: m } = await import('mermaid');
    m.initialize({ startOnLoad: false });
    return m;
  });
  return loaded;
}

/** The diagram type mermaid parsed the block as; throws mermaid's parse error (with the block) when it rejects it. */
export async function parseMermaid(block: string): Promise<string> {
  const m = await mermaid();
  return withDom(async () => {
    try {
      const result = await m.parse(block);
      if (!result) throw new Error('mermaid.parse returned no result');
      return result.diagramType;
    } catch (error) {
      throw new Error(`mermaid rejects this block: ${error instanceof Error ? error.message : String(error)}\n${block}`);
    }
  });
}

/** The ```mermaid fenced blocks of a Markdown document, in order. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}
