/**
 * `mlops lineage <ref> [--json]`: what a registered version is made of — digest → run record →
 * data fingerprint → commit. Credentials as for `mlops registry`.
 */
import { UserError } from '../../shared/errors/user-error.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { formatLineage, lineageOf } from '../../shared/registry/lineage.js';
import { resolveVersion } from '../../shared/registry/open.js';
import { parseModelReference } from '../../shared/registry/reference.js';
import type { Command } from './index.js';

const USAGE = `Usage: mlops lineage <ref> [--json]
  <ref>: <dir>[:<name>]:<tag>, <dir>[:<name>]@sha256:…, oci://host[:port]/repository:<tag>[@sha256:…]
  e.g. mlops lineage .mlops/registry:prod — what is serving, back to its data and commit.
Options: --username, --password (or MLOPS_REGISTRY_USERNAME, MLOPS_REGISTRY_PASSWORD), --insecure (loopback only)`;

const KNOWN_FLAGS = new Set(['json', 'username', 'password', 'insecure', 'help']);

export const lineageCommand: Command = {
  summary: 'digest → run record → data fingerprint → commit of a registered version',
  async run(args, io) {
    if (args.flags.help === 'true' || args.positionals.length !== 1) {
      io.out(USAGE);
      return args.flags.help === 'true' ? 0 : 2;
    }
    for (const flag of Object.keys(args.flags)) if (!KNOWN_FLAGS.has(flag)) throw new UserError(`mlops lineage: unknown option --${flag}`, { hint: 'Run `mlops lineage --help`.' });
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: 'mlops-out/lineage-summary.md', out: io.err, err: io.err });
    const password = args.flags.password ?? io.env.MLOPS_REGISTRY_PASSWORD;
    if (password) host.setSecret(password);
    const version = await resolveVersion(io.cwd, parseModelReference(args.positionals[0]!), { username: args.flags.username ?? io.env.MLOPS_REGISTRY_USERNAME, password, insecure: args.flags.insecure === 'true' }, host);
    const lineage = await lineageOf(version);
    if (args.flags.json === 'true') io.out(JSON.stringify(lineage, null, 2));
    else for (const line of formatLineage(lineage)) io.out(line);
    return 0;
  },
};
