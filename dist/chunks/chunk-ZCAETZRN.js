import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);

// shared/data/fingerprint.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
async function fingerprintData(source) {
  const files = [];
  for (let i = 0; i < source.files.length; i++) {
    const file = source.files[i];
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
    files.push({ path: source.displayFiles[i], bytes: (await stat(file)).size, sha256: hash.digest("hex") });
  }
  const combined = createHash("sha256");
  for (const file of files) combined.update(`${file.bytes}\0${file.sha256}
`);
  return { fingerprint: `sha256:${combined.digest("hex")}`, files };
}

export {
  fingerprintData
};
