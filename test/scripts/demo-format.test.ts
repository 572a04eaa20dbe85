/** The demo prints command lines a reader can paste: quoted arguments, `node` not the interpreter's absolute path, one path base. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { commandLine, fromBase, shellQuote } from '../../scripts/demo-format.mjs';
import { ROOT } from '../support/run-action.js';

const quote = shellQuote as (arg: string) => string;
const line = commandLine as (command: string, args: string[]) => string;

describe('demo command lines', () => {
  it('a POSIX shell reads every quoted argument back unchanged (spaces, globs, quotes, $, empty)', () => {
    const args = ['plain', 'node train.mjs --metrics m.json', 'mlops-out/capture/**/*.jsonl', "it's", '$HOME', '', 'a"b', 'x;y|z'];
    const result = spawnSync('sh', ['-c', `printf '%s\\n' ${args.map(quote).join(' ')}`], { encoding: 'utf8' });
    expect(result.stdout.split('\n').slice(0, -1)).toEqual(args);
  });

  it("the training command stays one argument, so its --metrics is not read as ours; node is named, not its path", () => {
    expect(line('mlops', ['train', '--command', 'node train.mjs --metrics m.json', '--metrics', 'm.json'])).toBe("$ mlops train --command 'node train.mjs --metrics m.json' --metrics m.json");
    expect(line(process.execPath, ['train.mjs'])).toBe('$ node train.mjs');
  });

  it('paths are printed relative to the one base', () => {
    expect(fromBase('/w/mlops-out/demo', '/w/mlops-out/demo/mlops-out/model.onnx')).toBe('mlops-out/model.onnx');
    expect(fromBase('/w/mlops-out/demo', 'mlops-out/model.onnx')).toBe('mlops-out/model.onnx');
  });

  it('no demo step prints a command by joining its arguments or names the interpreter by path', () => {
    const dir = join(ROOT, 'scripts', 'demo-steps');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text, name).not.toMatch(/console\.log\(`[^`]*\$\{args\.join\(' '\)/);
      expect(text, name).not.toMatch(/console\.log\([^)]*process\.execPath/);
    }
  });
});
