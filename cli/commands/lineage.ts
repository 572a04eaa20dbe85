/**
 * `mlops lineage <ref> [--format text|json] [--record <run record>]`: what a registered version
 * is made of, for auditors — commit → data fingerprint → training run → gate verdict and its
 * evidence (metrics, fairness, importance) → card → registry digest → deployments.
 * Credentials as for `mlops registry`.
 */
import { resolve } from 'node:path';
import { readRecord } from '../../shared/record/record.js';
import { UserError } from '../../shared/errors/user-error.js';
import { UsageError } from '../usage-error.js';
import { jsonTerminalSafe } from '../../shared/registry/terminal-text.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { formatLineage, lineageOf } from '../../shared/registry/lineage.js';
import { resolveVersion } from '../../shared/registry/open.js';
import { parseModelReference } from '../../shared/registry/reference.js';
import type { Command } from './index.js';

const USAGE = `Usage: mlops lineage <ref> [--format text|json] [--record <run record>]
  <ref>: <dir>[:<name>]:<tag>, <dir>[:<name>]@sha256:…, oci://host[:port]/repository:<tag>[@sha256:…]
  e.g. mlops lineage .mlops/registry:prod — what is serving, back to its data and commit.
Options: --format json (or --json) for machines; --record <path>: a local run record whose deploy
  section may name this digest (the deployments since registration);
  --username, --password (or MLOPS_REGISTRY_USERNAME, MLOPS_REGISTRY_PASSWORD), --insecure (loopback only)`;

const KNOWN_FLAGS = new Set(['json', 'format', 'record', 'username', 'password', 'insecure', 'help']);

export const lineageCommand: Command = {
  async run(args, io) {
    if (args.flags.help === 'true' || args.positionals.length !== 1) {
      io.out(USAGE);
      return args.flags.help === 'true' ? 0 : 2;
    }
    for (const flag of Object.keys(args.flags)) if (!KNOWN_FLAGS.has(flag)) throw new UsageError(`mlops lineage: unknown option --${flag}`, { hint: 'Run `mlops lineage --help`.' });
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: 'mlops-out/lineage-summary.md', out: io.err, err: io.err });
    const password = args.flags.password ?? io.env.MLOPS_REGISTRY_PASSWORD;
    if (password) host.setSecret(password);
    const format = args.flags.format ?? (args.flags.json === 'true' ? 'json' : 'text');
    if (format !== 'json' && format !== 'text') throw new UserError(`mlops lineage: --format is "${format}"; it takes text or json`, { where: { key: '--format' }, hint: 'Use --format json for machines.' });
    const recordPath = args.flags.record;
    const local = recordPath ? await readRecord(resolve(io.cwd, recordPath), recordPath) : undefined;
    if (recordPath && !local) throw new UserError(`mlops lineage: no run record at ${recordPath}`, { where: { file: recordPath, key: '--record' }, hint: 'Point --record at a run record (mlops-out/mlops-run.json), or leave it out.' });
    const version = await resolveVersion(io.cwd, parseModelReference(args.positionals[0]!), { username: args.flags.username ?? io.env.MLOPS_REGISTRY_USERNAME, password, insecure: args.flags.insecure === 'true' }, host);
    const lineage = await lineageOf(version, local && recordPath ? { record: local, path: recordPath } : undefined);
    if (format === 'json') io.out(jsonTerminalSafe(JSON.stringify(lineage, null, 2)));
    else for (const line of formatLineage(lineage)) io.out(line);
    return 0;
  },
};
