import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);
import {
  crypto
} from "./chunk-GWCI4O4C.js";

// shared/fs/atomic.ts
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
async function writeFileAtomic(path, data) {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${crypto().randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export {
  writeFileAtomic
};
