/**
 * The admin token never crosses a network in clear text by default: deploy refuses an http://
 * server URL on another host when it would send the token there, and says what to do instead.
 */
import { describe, expect, it } from 'vitest';
import { ServeClient } from '../../shared/deploy/serve-client.js';
import { runAction } from '../support/run-action.js';
import { deployWorkspace } from './workspace.js';

describe('admin token over plain http', () => {
  it.each(['http://10.0.0.5:8080', 'http://serve.internal:8080/', 'http://[2001:db8::1]:8080'])('refuses %s with a token', (url) => {
    expect(() => new ServeClient(url, 'token')).toThrow(/is plain http:\/\/ on another host: the admin token would cross the network unencrypted/);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080', 'https://serve.internal', 'https://10.0.0.5:8443'])('accepts %s', (url) => {
    expect(() => new ServeClient(url, 'token')).not.toThrow();
  });

  it('accepts plain http on another host without a token (nothing to leak), or when allowed explicitly', () => {
    expect(() => new ServeClient('http://10.0.0.5:8080', undefined)).not.toThrow();
    expect(() => new ServeClient('http://10.0.0.5:8080', 'token', { allowPlainHttp: true })).not.toThrow();
  });

  it('through the deploy action: one error naming the input and the ways out, nothing sent', async () => {
    const ws = deployWorkspace();
    await ws.register('stable.onnx');
    // 192.0.2.0/24 is TEST-NET-1: nothing answers there, so a request would hang until the timeout.
    const result = await runAction('deploy', { cwd: ws.cwd, inputs: { model: '.mlops/registry:churn:v1', url: 'http://192.0.2.1:8080', 'admin-token': 'the-admin-token', 'require-gate': 'false' } });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/::error::deploy: url: http:\/\/192\.0\.2\.1:8080 is plain http:\/\/ on another host/);
    expect(result.stdout).toMatch(/allow-plain-http: true/);
    // Only the runner's own mask command names the secret.
    expect(result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain('the-admin-token');
  }, 60_000);
});
