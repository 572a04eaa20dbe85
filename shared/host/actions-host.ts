/** The Host inside GitHub Actions: @actions/core for I/O, the toolkit for artifacts and caches. */
import * as core from '@actions/core';
import { capSummary } from '../report/limits.js';
import { neutraliseWorkflowCommands } from './workflow-commands.js';
import type { Annotation, ArtifactResult, Host } from './host.js';

export class ActionsHost implements Host {
  readonly kind = 'actions' as const;
  readonly cwd = process.cwd();

  /** @param inputOverride lets the umbrella action apply a stage's defaults to empty inputs. */
  constructor(private readonly inputOverride: (name: string) => string | undefined = () => undefined) {}

  input(name: string): string {
    return this.inputOverride(name) ?? core.getInput(name);
  }
  setOutput(name: string, value: string): void {
    core.setOutput(name, value);
  }
  setSecret(value: string): void {
    if (value) core.setSecret(value);
  }
  debug(message: string): void {
    core.debug(message);
  }
  /** Every line goes out neutralised: untrusted text in a message can never command the runner. */
  info(message: string): void {
    core.info(neutraliseWorkflowCommands(message));
  }
  notice(message: string, annotation?: Annotation): void {
    core.notice(message, annotation);
  }
  warning(message: string, annotation?: Annotation): void {
    core.warning(message, annotation);
  }
  error(message: string, annotation?: Annotation): void {
    core.error(message, annotation);
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(title, fn);
  }
  async appendSummary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(capSummary(markdown), true).write();
  }
  async uploadArtifact(name: string, files: string[], rootDirectory: string): Promise<ArtifactResult | undefined> {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const result = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory);
    return { id: result.id, size: result.size };
  }
  async restoreCache(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined> {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return undefined;
    return cache.restoreCache(paths, key, restoreKeys);
  }
  async saveCache(paths: string[], key: string): Promise<void> {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return;
    await cache.saveCache(paths, key);
  }
  env(name: string): string | undefined {
    return process.env[name] || undefined;
  }
  async github(token?: string) {
    const { readGitHubContext } = await import('../github/context.js');
    return readGitHubContext((n) => this.env(n), token ?? this.input('github-token'), (m) => this.warning(m));
  }
}
