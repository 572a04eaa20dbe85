/**
 * GitHub Deployments for a deploy run: one deployment per attempt (environment, the version's
 * commit as ref, the digest and version in the payload, no auto-merge, no required contexts)
 * and its statuses: in_progress → success (with environment_url) or failure. success uses
 * auto_inactive, so GitHub marks the environment's earlier deployments inactive.
 */
import type { GitHubContext } from './context.js';

export interface DeploymentRequest {
  environment: string;
  ref: string;
  version: string;
  digest: string;
  model: string;
  description: string;
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

export class GitHubDeployment {
  private constructor(
    private readonly github: GitHubContext,
    readonly id: number,
  ) {}

  static async create(github: GitHubContext, request: DeploymentRequest): Promise<GitHubDeployment> {
    const response = await github.client.rest.repos.createDeployment({
      owner: github.owner,
      repo: github.repo,
      ref: request.ref,
      environment: request.environment,
      auto_merge: false,
      required_contexts: [],
      description: request.description.slice(0, 140),
      payload: { model: request.model, version: request.version, digest: request.digest },
      production_environment: request.environment === 'production',
    });
    const id = (response.data as { id?: unknown }).id;
    if (typeof id !== 'number') throw new Error(`GitHub did not create the deployment: ${JSON.stringify(response.data).slice(0, 200)}`);
    return new GitHubDeployment(github, id);
  }

  async status(state: DeploymentState, description: string, environmentUrl?: string): Promise<void> {
    await this.github.client.rest.repos.createDeploymentStatus({
      owner: this.github.owner,
      repo: this.github.repo,
      deployment_id: this.id,
      state,
      description: description.slice(0, 140),
      ...(this.github.runUrl ? { log_url: this.github.runUrl } : {}),
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      ...(state === 'success' ? { auto_inactive: true } : {}),
    });
  }
}
