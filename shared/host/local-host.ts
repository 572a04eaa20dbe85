/**
 * The Host behind the `mlops` CLI: inputs come from --flags (with the action.yml defaults),
 * outputs and logs go to the terminal, the job summary to a file. GitHub is reachable when
 * GITHUB_REPOSITORY and a token are set, as in Actions.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Annotation, ArtifactResult, Host } from './host.js';

export interface LocalHostOptions {
  cwd: string;
  inputs: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** Where appendSummary writes. */
  summaryPath: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Writes a live status line over the previous one (a terminal); null clears it. Without it, progress is logged as lines. */
  live?: (text: string | null) => void;
}

export class LocalHost implements Host {
  readonly kind = 'local' as const;
  readonly cwd: string;
  readonly outputs: Record<string, string> = {};
  private readonly secrets = new Set<string>();
  private readonly out: (line: string) => void;
  private readonly err: (line: string) => void;
  readonly liveLine?: (text: string | null) => void;

  constructor(private readonly options: LocalHostOptions) {
    this.cwd = options.cwd;
    this.out = options.out ?? ((line) => process.stdout.write(`${line}\n`));
    this.err = options.err ?? ((line) => process.stderr.write(`${line}\n`));
    const live = options.live;
    if (live) this.liveLine = (text) => live(text === null ? null : this.mask(text));
  }

  input(name: string): string {
    return this.options.inputs[name] ?? '';
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setSecret(value: string): void {
    if (value) this.secrets.add(value);
  }
  private mask(text: string): string {
    let masked = text;
    for (const secret of this.secrets) masked = masked.split(secret).join('***');
    return masked;
  }
  debug(message: string): void {
    if (this.options.env.MLOPS_DEBUG) this.err(this.mask(`debug: ${message}`));
  }
  info(message: string): void {
    this.out(this.mask(message));
  }
  notice(message: string, annotation?: Annotation): void {
    this.err(this.mask(`notice: ${where(annotation, message)}${message}`));
  }
  warning(message: string, annotation?: Annotation): void {
    this.err(this.mask(`warning: ${where(annotation, message)}${message}`));
  }
  error(message: string, annotation?: Annotation): void {
    this.err(this.mask(`error: ${where(annotation, message)}${message}`));
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.out(`▶ ${title}`);
    return fn();
  }
  async appendSummary(markdown: string): Promise<void> {
    const path = resolve(this.cwd, this.options.summaryPath);
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${markdown}\n`);
  }
  async uploadArtifact(name: string): Promise<ArtifactResult | undefined> {
    this.notice(`artifact "${name}" not uploaded: artifacts exist only inside GitHub Actions`);
    return undefined;
  }
  async restoreCache(): Promise<string | undefined> {
    return undefined;
  }
  async saveCache(): Promise<void> {}
  env(name: string): string | undefined {
    return this.options.env[name] || undefined;
  }
  async github(token?: string) {
    const { readGitHubContext } = await import('../github/context.js');
    return readGitHubContext((n) => this.env(n), token ?? (this.input('github-token') || this.env('GITHUB_TOKEN') || ''), (m) => this.warning(m));
  }
}

/** `file:line: ` for the terminal, unless the message already names the file. */
function where(annotation: Annotation | undefined, message: string): string {
  if (!annotation?.file || message.includes(annotation.file)) return '';
  return `${annotation.file}${annotation.startLine ? `:${annotation.startLine}` : ''}: `;
}
