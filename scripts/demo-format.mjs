// How the demo prints what it runs: command lines a reader can paste into a POSIX shell (each
// argument quoted when the shell would split, glob or expand it), `node` rather than the absolute
// path of the interpreter running the demo, and every path relative to one base.
import { basename, isAbsolute, relative } from 'node:path';

/** One argument as a POSIX shell reads it back unchanged. */
export function shellQuote(arg) {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `$ node train.mjs --data 'a b.csv'`: the command named as a reader would type it. */
export function commandLine(command, args) {
  const shown = command === process.execPath || basename(command) === 'node' ? 'node' : command;
  return `$ ${[shown, ...args].map((part, i) => (i === 0 ? part : shellQuote(part))).join(' ')}`;
}

/** A path relative to the demo's working folder (the base every printed path shares). */
export function fromBase(base, path) {
  return isAbsolute(path) ? relative(base, path) || '.' : path;
}
