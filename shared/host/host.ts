/**
 * The Host is everything a stage may touch outside its own logic. Stage code never imports
 * @actions/core or reads process.env: it asks the host, so the same stage runs inside GitHub
 * Actions (actions-host.ts) and on a laptop behind the `mlops` CLI (local-host.ts).
 */
import type { GitHubContext } from '../github/context.js';

export interface Annotation {
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  title?: string;
}

export interface ArtifactResult {
  id?: number;
  size?: number;
}

export interface Host {
  readonly kind: 'actions' | 'local';
  /** Working directory every relative path is resolved against. */
  readonly cwd: string;
  /** The raw value of an action input ('' when not given; action.yml defaults already applied). */
  input(name: string): string;
  setOutput(name: string, value: string): void;
  /** Registers a value to be masked in every later log line. */
  setSecret(value: string): void;

  debug(message: string): void;
  info(message: string): void;
  notice(message: string, annotation?: Annotation): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  /**
   * A transient status line replaced in place; null clears it. Only where the log is a terminal
   * (the CLI on a TTY): absent in Actions logs, where progress is written as plain lines.
   */
  liveLine?(text: string | null): void;
  /** Runs fn inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;

  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY locally: a file under mlops-out). */
  appendSummary(markdown: string): Promise<void>;

  /** Uploads files as a workflow artifact; undefined where artifacts do not exist (local runs). */
  uploadArtifact(name: string, files: string[], rootDirectory: string): Promise<ArtifactResult | undefined>;
  /** Restores a cache; returns the key that matched, or undefined. No-op locally. */
  restoreCache(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<void>;

  /** The environment of the run (runner variables such as GITHUB_SHA, RUNNER_ENVIRONMENT). */
  env(name: string): string | undefined;
  /**
   * GitHub event, repository and an authenticated client, or undefined where there is none.
   * Asynchronous so that the client (Octokit) loads only when a stage talks to GitHub.
   */
  github(token?: string): Promise<GitHubContext | undefined>;
}
