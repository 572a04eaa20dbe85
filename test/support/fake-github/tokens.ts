/**
 * Tokens the fake accepts, and who each one is. An `installation` token behaves like the
 * Actions GITHUB_TOKEN: `GET /user` answers 403. A read-only token (a fork pull request's
 * GITHUB_TOKEN) gets 403 "Resource not accessible by integration" on every write.
 */
import { ACTIONS_BOT_LOGIN } from './state.js';

export interface TokenIdentity {
  login: string;
  kind: 'user' | 'installation';
  readOnly: boolean;
}

/** Tokens every fake starts with. */
export const FAKE_TOKENS = {
  /** A personal access token of user `octocat`. */
  user: 'ghp_fake_octocat',
  /** The Actions GITHUB_TOKEN: acts as github-actions[bot]. */
  actions: 'ghs_fake_actions',
  /** The GITHUB_TOKEN of a fork pull request: github-actions[bot], read-only. */
  readOnly: 'ghs_fake_fork_read_only',
  /** A GitHub App's installation token: acts as mlops-reporter[bot]; GET /user answers 403. */
  app: 'ghs_fake_app_installation',
} as const;

/** The login of the app behind FAKE_TOKENS.app. */
export const FAKE_APP_LOGIN = 'mlops-reporter[bot]';

export class FakeTokens {
  private readonly byToken = new Map<string, TokenIdentity>();

  constructor() {
    this.add(FAKE_TOKENS.user, { login: 'octocat' });
    this.add(FAKE_TOKENS.actions, { login: ACTIONS_BOT_LOGIN, kind: 'installation' });
    this.add(FAKE_TOKENS.readOnly, { login: ACTIONS_BOT_LOGIN, kind: 'installation', readOnly: true });
    this.add(FAKE_TOKENS.app, { login: FAKE_APP_LOGIN, kind: 'installation' });
  }

  add(token: string, identity: { login: string; kind?: TokenIdentity['kind']; readOnly?: boolean }): void {
    this.byToken.set(token, { login: identity.login, kind: identity.kind ?? 'user', readOnly: identity.readOnly ?? false });
  }

  get(token: string): TokenIdentity | undefined {
    return this.byToken.get(token);
  }
}
