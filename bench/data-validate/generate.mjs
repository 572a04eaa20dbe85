// Writes a deterministic CSV for the data-validate benchmark: ROWS rows x 13 columns (~365 MB at 4M rows).
// usage: node bench/data-validate/generate.mjs <out.csv> [rows]
import { createWriteStream } from 'node:fs';

const out = process.argv[2];
const rows = Number(process.argv[3] ?? 4_000_000);
if (!out) throw new Error('usage: generate.mjs <out.csv> [rows]');

// xorshift32: same file on every machine.
let state = 2463534242;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const plans = ['basic', 'plus', 'pro'];
const regions = ['north', 'south', 'east', 'west', 'central'];

const stream = createWriteStream(out);
stream.write('id,age,income,plan,churned,signup_date,score,sessions,region,tenure_months,avg_spend,support_tickets,last_login\n');
let buffer = '';
for (let i = 0; i < rows; i++) {
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  buffer +=
    `C${String(i).padStart(7, '0')},${18 + Math.floor(random() * 70)},${(30000 + 20000 * normal()).toFixed(2)},${plans[Math.floor(random() * 3)]},` +
    `${random() < 0.2 ? 1 : 0},2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${random().toFixed(6)},${Math.floor(random() * 200)},` +
    `${regions[Math.floor(random() * 5)]},${Math.floor(random() * 120)},${(50 + 10 * normal()).toFixed(3)},${Math.floor(random() * 5)},` +
    `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00\n`;
  if (buffer.length > 1 << 20) {
    if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
    buffer = '';
  }
}
stream.end(buffer);
await new Promise((resolve) => stream.on('finish', resolve));
