/**
 * The `gpus` input: `all`, a count, or device ids (indices or UUIDs), turned into the
 * CUDA_VISIBLE_DEVICES the command sees and the list of GPUs it can use. A runner that already
 * restricts CUDA_VISIBLE_DEVICES (one runner per GPU) is respected: `all` keeps its list and
 * a count takes the first N of it.
 */
import { UserError } from '../errors/user-error.js';
import type { GpuDevice } from './inventory.js';

export type GpuSelection = { kind: 'all' } | { kind: 'count'; count: number } | { kind: 'ids'; ids: string[] };

const DEVICE_ID = /^(\d+|(GPU|MIG)-[A-Za-z0-9-/]+)$/;

export function parseGpuSelection(value: string, inputName = 'gpus'): GpuSelection {
  const text = value.trim();
  if (text === '' || text.toLowerCase() === 'all') return { kind: 'all' };
  if (/^\d+$/.test(text) && !text.includes(',')) {
    // A bare number is a count; to pick device 1 alone write "1," or use its UUID.
    return { kind: 'count', count: Number(text) };
  }
  const ids = text.split(',').map((id) => id.trim()).filter(Boolean);
  const bad = ids.find((id) => !DEVICE_ID.test(id));
  if (!ids.length || bad !== undefined) {
    throw new UserError(`input "${inputName}" is "${value}", expected all, a count, or comma-separated device ids`, {
      where: { key: inputName },
      hint: 'Examples: `all`, `2` (the first two GPUs), `0,2` (devices 0 and 2), `GPU-8f3c…` (a UUID).',
    });
  }
  return { kind: 'ids', ids };
}

export interface VisibleDevices {
  /** Value for the command's CUDA_VISIBLE_DEVICES; undefined leaves it as inherited. */
  cudaVisibleDevices?: string;
  /** The GPUs the command can see. */
  gpus: GpuDevice[];
  /** Something the user should know (fewer GPUs than asked, unknown ids). */
  warning?: string;
}

function matches(gpu: GpuDevice, id: string): boolean {
  return String(gpu.index) === id || gpu.uuid === id;
}

export function resolveVisibleDevices(selection: GpuSelection, inventory: GpuDevice[], inherited: string | undefined): VisibleDevices {
  const inheritedIds = inherited === undefined ? undefined : inherited.split(',').map((id) => id.trim()).filter(Boolean);
  const pool = inheritedIds ? inventory.filter((gpu) => inheritedIds.some((id) => matches(gpu, id))) : inventory;
  switch (selection.kind) {
    case 'all':
      return { gpus: pool };
    case 'count': {
      const ids = inheritedIds ?? pool.map((gpu) => String(gpu.index));
      if (selection.count > ids.length && inventory.length > 0) {
        throw new UserError(`input "gpus" asks for ${selection.count} GPUs but only ${ids.length} ${ids.length === 1 ? 'is' : 'are'} visible (${pool.map((g) => `${g.index}: ${g.name}`).join(', ') || 'none'})`, {
          where: { key: 'gpus' },
          hint: 'Lower the count, use `all`, or run the job on a runner with more GPUs.',
        });
      }
      const chosen = (ids.length ? ids : Array.from({ length: selection.count }, (_, i) => String(i))).slice(0, selection.count);
      return {
        cudaVisibleDevices: chosen.join(','),
        gpus: pool.filter((gpu) => chosen.some((id) => matches(gpu, id))),
        ...(inventory.length === 0 && selection.count > 0 ? { warning: `input "gpus" asks for ${selection.count} GPUs but none is visible; the command runs without a GPU` } : {}),
      };
    }
    case 'ids': {
      const unknown = inventory.length ? selection.ids.filter((id) => !inventory.some((gpu) => matches(gpu, id))) : [];
      if (unknown.length) {
        throw new UserError(`input "gpus" names device${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, not on this runner (it has ${inventory.map((g) => `${g.index}: ${g.name}`).join(', ')})`, {
          where: { key: 'gpus' },
          hint: 'Use indices or UUIDs as `nvidia-smi -L` lists them, or `all`.',
        });
      }
      return {
        cudaVisibleDevices: selection.ids.join(','),
        gpus: inventory.filter((gpu) => selection.ids.some((id) => matches(gpu, id))),
        ...(inventory.length === 0 ? { warning: `input "gpus" names devices ${selection.ids.join(', ')} but no GPU is visible; the command runs without a GPU` } : {}),
      };
    }
  }
}
