/**
 * A Host for tests that records everything a stage does through it: outputs, log lines by
 * level, annotations, the job summary, artifacts and caches. Inputs, environment and the
 * GitHub context are given up front.
 */
import type { GitHubContext } from '../../shared/github/context.js';
import type { Annotation, ArtifactResult, Host } from '../../shared/host/host.js';

export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  annotation?: Annotation;
}

export interface RecordingHostOptions {
  kind?: Host['kind'];
  cwd?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Called with the token passed to host.github(token). */
  github?: (token: string | undefined) => GitHubContext | undefined;
  /** Make appendSummary fail, to test that a report failure is handled. */
  summaryError?: Error;
}

export interface RecordingHost extends Host {
  outputs: Record<string, string>;
  secrets: string[];
  logs: LogEntry[];
  /** Each appendSummary call, in order. */
  summaries: string[];
  /** All summary text appended so far. */
  readonly summary: string;
  artifacts: Array<{ name: string; files: string[]; rootDirectory: string }>;
  savedCaches: Array<{ paths: string[]; key: string }>;
  /** Tokens host.github() was called with. */
  githubTokens: Array<string | undefined>;
  messages(level: LogLevel): string[];
}

export function createRecordingHost(options: RecordingHostOptions = {}): RecordingHost {
  const inputs = options.inputs ?? {};
  const env = options.env ?? {};
  const host: RecordingHost = {
    kind: options.kind ?? 'actions',
    cwd: options.cwd ?? process.cwd(),
    outputs: {},
    secrets: [],
    logs: [],
    summaries: [],
    get summary() {
      return host.summaries.join('');
    },
    artifacts: [],
    savedCaches: [],
    githubTokens: [],
    input: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      host.outputs[name] = value;
    },
    setSecret: (value) => {
      host.secrets.push(value);
    },
    debug: (message) => log('debug', message),
    info: (message) => log('info', message),
    notice: (message, annotation) => log('notice', message, annotation),
    warning: (message, annotation) => log('warning', message, annotation),
    error: (message, annotation) => log('error', message, annotation),
    group: async (title, fn) => {
      log('info', `::group::${title}`);
      try {
        return await fn();
      } finally {
        log('info', '::endgroup::');
      }
    },
    appendSummary: async (markdown) => {
      if (options.summaryError) throw options.summaryError;
      host.summaries.push(markdown);
    },
    uploadArtifact: async (name, files, rootDirectory): Promise<ArtifactResult | undefined> => {
      host.artifacts.push({ name, files, rootDirectory });
      return { id: host.artifacts.length, size: 0 };
    },
    restoreCache: async () => undefined,
    saveCache: async (paths, key) => {
      host.savedCaches.push({ paths, key });
    },
    env: (name) => env[name],
    github: async (token) => {
      host.githubTokens.push(token);
      return options.github?.(token);
    },
    messages: (level) => host.logs.filter((l) => l.level === level).map((l) => l.message),
  };
  function log(level: LogLevel, message: string, annotation?: Annotation) {
    host.logs.push(annotation ? { level, message, annotation } : { level, message });
  }
  return host;
}
