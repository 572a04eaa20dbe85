/**
 * Runs a bundled action (dist/<entry>.js) as the GitHub runner does: a child process with
 * INPUT_* variables (names upper-cased, spaces to underscores, hyphens kept), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, the event payload file and the API URL; then reads back outputs,
 * summary and exit code.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export interface RunActionOptions {
  /** Inputs as written in `with:`; action.yml defaults are applied like the runner does. */
  inputs?: Record<string, string>;
  /** Working directory (the workspace). */
  cwd: string;
  env?: Record<string, string>;
  eventName?: string;
  event?: Record<string, unknown>;
  apiUrl?: string;
  repository?: string;
  token?: string;
  /** A command the node process runs under (e.g. `prlimit --data=… timeout 120`): for hostile-input tests. */
  prefix?: string[];
}

export interface ActionResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** @param entry a stage name (dist/<stage>.js, inputs from actions/<stage>/action.yml) or 'index' for the umbrella. */
export async function runAction(entry: string, options: RunActionOptions): Promise<ActionResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'mlops-runner-'));
  const outputFile = join(scratch, 'output');
  const summaryFile = join(scratch, 'summary');
  const eventFile = join(scratch, 'event.json');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(eventFile, JSON.stringify(options.event ?? {}));

  const actionYml = entry === 'index' ? join(ROOT, 'action.yml') : join(ROOT, 'actions', entry, 'action.yml');
  const spec = parse(readFileSync(actionYml, 'utf8')) as { inputs?: Record<string, { default?: string }> };
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(spec.inputs ?? {})) {
    if (input.default === undefined) continue;
    // The runner evaluates expressions; the one our actions use is the token.
    inputs[name] = input.default === '${{ github.token }}' ? (options.token ?? '') : input.default;
  }
  Object.assign(inputs, options.inputs ?? {});

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    TMPDIR: tmpdir(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: scratch,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_WORKSPACE: options.cwd,
    GITHUB_REPOSITORY: options.repository ?? 'octo-org/ml-repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTOR: 'octocat',
    ...(options.token ? { GITHUB_TOKEN: options.token } : {}),
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const script = join(ROOT, 'dist', `${entry}.js`);
  if (!existsSync(script)) throw new Error(`${script} does not exist: run npm run build`);
  const { code, stdout, stderr } = await runNode([script], options.cwd, env, options.prefix);
  return { code, stdout, stderr, outputs: parseOutputFile(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') };
}

/** Parses the runner's GITHUB_OUTPUT file: `name<<DELIM\nvalue\nDELIM` blocks (and `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** Runs the CLI bundle (dist/cli.js) in a directory. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: tmpdir(), ...options.env };
  return runNode([join(ROOT, 'dist', 'cli.js'), ...args], options.cwd, env);
}

/** Runs this Node with the arguments and collects exit code, stdout and stderr. */
function runNode(args: string[], cwd: string, env: Record<string, string>, prefix: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [command, ...rest] = [...prefix, process.execPath, ...args];
    const child = spawn(command!, rest, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit ?? -1, stdout: out, stderr: err }));
  });
}
