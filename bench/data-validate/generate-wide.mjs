// Writes a deterministic wide CSV for the data-validate benchmark: ROWS rows x 100 columns
// (90 real-valued, 10 small integers), the width of the drift-check "Evidently" case (356k rows).
// usage: node bench/data-validate/generate-wide.mjs <out.csv> [rows=356000] [columns=100]
import { createWriteStream } from 'node:fs';

const out = process.argv[2];
const rows = Number(process.argv[3] ?? 356_000);
const columns = Number(process.argv[4] ?? 100);
if (!out) throw new Error('usage: generate-wide.mjs <out.csv> [rows] [columns]');

let state = 2463534242;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const integers = Math.floor(columns / 10);
const names = Array.from({ length: columns }, (_, j) => (j < columns - integers ? `f${j}` : `k${j}`));

const stream = createWriteStream(out);
stream.write(`${names.join(',')}\n`);
let buffer = '';
for (let i = 0; i < rows; i++) {
  const values = names.map((_, j) => (j < columns - integers ? (j + normal() * (1 + j / 10)).toFixed(4) : String(Math.floor(random() * (5 + j)))));
  buffer += `${values.join(',')}\n`;
  if (buffer.length > 1 << 20) {
    if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
    buffer = '';
  }
}
stream.end(buffer);
await new Promise((resolve) => stream.on('finish', resolve));
