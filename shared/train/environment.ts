/**
 * Where a training run happens, for the run record: the runner (from the runner's RUNNER_*
 * variables), the OS, CPU and memory of this machine, the GPUs the command can see, Python
 * and ML framework versions, and the git state. Every probe is best effort and bounded.
 */
import { readFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, release, totalmem, type } from 'node:os';
import type { GpuDevice } from '../gpu/inventory.js';
import { readGitState, type GitState } from './git-state.js';
import { probePython, type PythonFacts } from './python-probe.js';
import { probeRuntime, runtimeKind, type RuntimeFacts } from './runtime-probe.js';

export type TrainEnvironment = {
  runner?: string;
  runner_environment?: string;
  os?: string;
  arch?: string;
  labels?: string[];
  cpu?: string;
  cpus?: number;
  memory_mb?: number;
  gpus: Array<{ index: number; name: string; memory_mb?: number; driver?: string; cuda?: string; uuid?: string }>;
  cuda_visible_devices?: string;
  /** The command's own runtime when it names one we know (Node.js, Bun, Deno): "Node.js 24.21.0". */
  runtime?: string;
  python?: string;
  frameworks?: Record<string, string>;
  git?: GitState;
};

export interface EnvironmentProbes {
  env: (name: string) => string | undefined;
  /** The command's environment (its PATH finds Python and git). */
  commandEnv: Record<string, string>;
  cwd: string;
  /** The training command (its interpreter, when it names one, is the Python probed). */
  command?: string;
  gpus: GpuDevice[];
  cuda?: string;
  cudaVisibleDevices?: string;
  /** Replaceable in tests. */
  python?: (env: Record<string, string>, cwd: string, command?: string) => Promise<PythonFacts | undefined>;
  runtime?: (command: string, env: Record<string, string>, cwd: string) => Promise<RuntimeFacts>;
  git?: (cwd: string, env: Record<string, string>) => Promise<GitState>;
}

export async function captureEnvironment(probes: EnvironmentProbes): Promise<TrainEnvironment> {
  // Python is probed only when the command runs it, or names no runtime we know (a shell script
  // or make may well run the Python on its PATH): a `node train.mjs` run has nothing to do with it.
  const kind = runtimeKind(probes.command ?? '');
  const [runtime, python, git] = await Promise.all([
    kind === 'python' || kind === 'other' ? undefined : (probes.runtime ?? probeRuntime)(probes.command ?? '', probes.commandEnv, probes.cwd),
    kind === 'python' || kind === 'other' ? (probes.python ?? probePython)(probes.commandEnv, probes.cwd, probes.command) : undefined,
    (probes.git ?? readGitState)(probes.cwd, probes.commandEnv),
  ]);
  const labels = probes.env('RUNNER_LABELS')?.split(',').map((l) => l.trim()).filter(Boolean);
  const cpuList = cpus();
  // Undefined fields are left out when the record is written as JSON.
  return {
    runner: probes.env('RUNNER_NAME'),
    runner_environment: probes.env('RUNNER_ENVIRONMENT'),
    os: operatingSystem(probes.env('RUNNER_OS')),
    arch: probes.env('RUNNER_ARCH')?.toLowerCase() ?? arch(),
    labels: labels?.length ? labels : undefined,
    cpu: cpuList[0]?.model.trim() || undefined,
    cpus: availableParallelism(),
    memory_mb: Math.round(totalmem() / 2 ** 20),
    gpus: probes.gpus.map((gpu) => ({
      index: gpu.index,
      name: gpu.name,
      ...(gpu.memoryMb !== undefined ? { memory_mb: gpu.memoryMb } : {}),
      ...(gpu.driver ? { driver: gpu.driver } : {}),
      ...(probes.cuda ? { cuda: probes.cuda } : {}),
      ...(gpu.uuid ? { uuid: gpu.uuid } : {}),
    })),
    cuda_visible_devices: probes.cudaVisibleDevices,
    runtime: runtime?.name,
    python: python?.python,
    frameworks: python && Object.keys(python.frameworks).length ? python.frameworks : undefined,
    git: git.commit ? git : undefined,
  };
}

/** "Linux · Debian GNU/Linux 12 (bookworm) · kernel 6.1.0" */
function operatingSystem(runnerOs: string | undefined): string {
  let pretty: string | undefined;
  try {
    pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  } catch {
    pretty = undefined;
  }
  return [runnerOs ?? type(), pretty, `kernel ${release()}`].filter(Boolean).join(' · ');
}
