/**
 * Which GPUs this machine has, from nvidia-smi: model, memory, UUID and driver from
 * `--query-gpu`, the CUDA version (the highest the driver supports) from the header of plain
 * `nvidia-smi`. No nvidia-smi, or one that cannot reach a driver, means no GPU, with the reason.
 */
import { numberField, splitCsvLine, textField } from './nvidia-smi-fields.js';
import { childProcess } from '../node/builtins.js';

export interface GpuDevice {
  index: number;
  name: string;
  uuid?: string;
  memoryMb?: number;
  driver?: string;
}

export interface GpuInventory {
  gpus: GpuDevice[];
  /** CUDA version reported by the driver, e.g. "12.4". */
  cuda?: string;
  /** Why no GPU is listed, when none is. */
  unavailable?: string;
}

export const INVENTORY_QUERY = ['--query-gpu=index,name,uuid,memory.total,driver_version', '--format=csv,noheader,nounits'];

export interface NvidiaSmiResult {
  code: number;
  stdout: string;
  stderr: string;
  notFound: boolean;
}

/** Runs nvidia-smi found on the PATH of `env`. */
export function runNvidiaSmi(args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<NvidiaSmiResult> {
  return new Promise((resolve) => {
    childProcess().execFile('nvidia-smi', args, { env, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const errno = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
      const notFound = errno?.code === 'ENOENT';
      const code = errno ? (typeof errno.code === 'number' ? errno.code : 1) : 0;
      resolve({ code, stdout: stdout ?? '', stderr: stderr ?? '', notFound });
    });
  });
}

export function parseGpuList(csv: string): GpuDevice[] {
  const gpus: GpuDevice[] = [];
  for (const line of csv.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const fields = splitCsvLine(line);
    if (fields.length < 5) continue;
    const index = numberField(fields[0]);
    // A name holding a comma would split; the last three fields are fixed, so rejoin the middle.
    const name = textField(fields.slice(1, fields.length - 3).join(', '));
    const [uuid, memory, driver] = fields.slice(fields.length - 3);
    if (index === undefined || !Number.isInteger(index) || !name) continue;
    const gpu: GpuDevice = { index, name };
    const uuidText = textField(uuid);
    if (uuidText) gpu.uuid = uuidText;
    const memoryMb = numberField(memory);
    if (memoryMb !== undefined) gpu.memoryMb = memoryMb;
    const driverText = textField(driver);
    if (driverText) gpu.driver = driverText;
    gpus.push(gpu);
  }
  return gpus;
}

/** "CUDA Version: 12.4" from the header of `nvidia-smi`. */
export function parseCudaVersion(header: string): string | undefined {
  return /CUDA Version:\s*([0-9][0-9.]*)/.exec(header)?.[1];
}

export async function readGpuInventory(env: Record<string, string>): Promise<GpuInventory> {
  const [list, header] = await Promise.all([runNvidiaSmi(INVENTORY_QUERY, env), runNvidiaSmi([], env)]);
  if (list.notFound) return { gpus: [], unavailable: 'nvidia-smi was not found on PATH (no NVIDIA driver on this runner)' };
  if (list.code !== 0) {
    const reason = firstLine(list.stdout) || firstLine(list.stderr) || `exit code ${list.code}`;
    return { gpus: [], unavailable: `nvidia-smi failed: ${reason}` };
  }
  const gpus = parseGpuList(list.stdout);
  const cuda = header.code === 0 ? parseCudaVersion(header.stdout) : undefined;
  return { gpus, ...(cuda ? { cuda } : {}), ...(gpus.length ? {} : { unavailable: 'nvidia-smi lists no GPU' }) };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
}
