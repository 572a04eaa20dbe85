/**
 * `mlops registry list <registry>`, `mlops registry show <ref>`, `mlops registry pull <ref> <dir>`.
 * Credentials: --username/--password, or MLOPS_REGISTRY_USERNAME / MLOPS_REGISTRY_PASSWORD
 * (better: keeps the password out of the process list). --insecure: plain HTTP to loopback.
 */
import { jsonTerminalSafe, terminalSafe } from '../../shared/registry/terminal-text.js';
import { UserError } from '../../shared/errors/user-error.js';
import { UsageError } from '../usage-error.js';
import { LocalHost } from '../../shared/host/local-host.js';
import { summarizeRepository, type VersionSummary } from '../../shared/registry/catalog.js';
import { OciLayout } from '../../shared/registry/layout.js';
import { ANNOTATION } from '../../shared/registry/media-types.js';
import { remoteHttp, resolveVersion, type RegistryAccess } from '../../shared/registry/open.js';
import { pullVersion } from '../../shared/registry/pull.js';
import { parseModelReference, parseRegistryLocation, remoteRepository, validateModelName } from '../../shared/registry/reference.js';
import { RemoteRepository } from '../../shared/registry/remote/repository.js';
import type { ParsedArgs } from '../args.js';
import type { CliIO } from '../run-stage-command.js';
import type { Command } from './index.js';

const USAGE = `Usage:
  mlops registry list <registry> [--name <model>]     versions, aliases, digests, gate, key metrics
  mlops registry show <ref> [--json]                  one version: annotations and layers
  mlops registry pull <ref> <dir>                     download a version, verifying every digest
<registry>: a layout directory (.mlops/registry) or oci://host[:port]/repository
<ref>: <dir>[:<name>]:<tag>, <dir>[:<name>]@sha256:…, oci://host[:port]/repository:<tag>[@sha256:…]
Options: --username, --password (or MLOPS_REGISTRY_USERNAME, MLOPS_REGISTRY_PASSWORD), --insecure (loopback only)`;

const KNOWN_FLAGS = new Set(['name', 'json', 'username', 'password', 'insecure', 'help']);

export const registryCommand: Command = {
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action || args.flags.help === 'true') {
      io.out(USAGE);
      return args.flags.help === 'true' ? 0 : 2;
    }
    for (const flag of Object.keys(args.flags)) if (!KNOWN_FLAGS.has(flag)) throw new UsageError(`mlops registry: unknown option --${flag}`, { hint: 'Run `mlops registry --help`.' });
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: 'mlops-out/registry-summary.md', out: io.err, err: io.err });
    const access = accessFrom(args, io, host);
    if (action === 'list') return list(expectArgs(rest, 1, 'list <registry>')[0]!, args, access, io, host);
    if (action === 'show') return show(expectArgs(rest, 1, 'show <ref>')[0]!, args, access, io, host);
    if (action === 'pull') {
      const [ref, dir] = expectArgs(rest, 2, 'pull <ref> <dir>');
      const version = await resolveVersion(io.cwd, parseModelReference(ref!), access, host);
      const files = await pullVersion(version, io.cwd, dir!);
      io.out(`pulled ${version.ref}`);
      for (const file of files) io.out(`  ${file.path}  ${file.digest}  ${file.size} bytes  (verified)`);
      return 0;
    }
    throw new UserError(`mlops registry: unknown action "${action}"`, { hint: 'Use list, show or pull.' });
  },
};

function expectArgs(rest: string[], count: number, usage: string): string[] {
  if (rest.length !== count) throw new UserError(`mlops registry ${usage}: expected ${count} argument${count > 1 ? 's' : ''}, got ${rest.length}`, { hint: 'Run `mlops registry --help`.' });
  return rest;
}

function accessFrom(args: ParsedArgs, io: CliIO, host: LocalHost): RegistryAccess {
  const username = args.flags.username ?? io.env.MLOPS_REGISTRY_USERNAME;
  const password = args.flags.password ?? io.env.MLOPS_REGISTRY_PASSWORD;
  if (password) host.setSecret(password);
  return { username, password, insecure: args.flags.insecure === 'true' };
}

async function list(registry: string, args: ParsedArgs, access: RegistryAccess, io: CliIO, host: LocalHost): Promise<number> {
  const location = parseRegistryLocation(registry, 'registry');
  const summaries: VersionSummary[] = [];
  if (location.kind === 'layout') {
    const layout = await OciLayout.open(io.cwd, location.dir);
    const names = args.flags.name ? [validateModelName(args.flags.name)] : await layout.names();
    for (const name of names) summaries.push(...(await summarizeRepository(layout.repository(name), name)));
  } else {
    if (!location.path && !args.flags.name) throw new UserError('give the repository: oci://host/repository, or --name', { where: { key: 'registry' } });
    const repository = args.flags.name ? remoteRepository(location, validateModelName(args.flags.name)) : location.path;
    const reader = new RemoteRepository(remoteHttp(location, access, host), repository);
    summaries.push(...(await summarizeRepository(reader, repository.split('/').pop()!)));
  }
  if (args.flags.json === 'true') {
    io.out(jsonTerminalSafe(JSON.stringify(summaries, null, 2)));
    return 0;
  }
  if (!summaries.length) {
    io.out(`${registry}: no versions`);
    return 0;
  }
  // Every cell comes from the registry: printed with control characters escaped.
  const rows = summaries.map((s) =>
    [
      s.name,
      s.version,
      s.aliases.join(',') || '-',
      s.digest.slice(0, 19),
      s.gate ? `${s.gate}${s.forced ? ' (forced)' : ''}` : '-',
      Object.entries(s.metrics)
        .slice(0, 3)
        .map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`)
        .join(' ') || '-',
      s.created ?? '-',
    ].map(terminalSafe),
  );
  io.out(formatColumns([['MODEL', 'VERSION', 'ALIASES', 'DIGEST', 'GATE', 'METRICS', 'CREATED'], ...rows]));
  return 0;
}

async function show(ref: string, args: ParsedArgs, access: RegistryAccess, io: CliIO, host: LocalHost): Promise<number> {
  const version = await resolveVersion(io.cwd, parseModelReference(ref), access, host);
  const { manifest } = version.fetched;
  if (args.flags.json === 'true') {
    // The manifest as the registry stored it, with control characters as JSON escapes.
    io.out(jsonTerminalSafe(version.fetched.bytes.toString('utf8')));
    return 0;
  }
  const annotations = manifest.annotations ?? {};
  io.out(version.ref);
  // Annotations, titles and media types come from the registry: control characters escaped.
  io.out(`  artifact type: ${terminalSafe(manifest.artifactType ?? manifest.config.mediaType)}`);
  for (const [key, value] of Object.entries(annotations).sort()) io.out(`  ${terminalSafe(key)}: ${terminalSafe(value)}`);
  io.out('  layers:');
  for (const layer of manifest.layers) {
    io.out(`    ${terminalSafe(layer.annotations?.[ANNOTATION.title] ?? '(untitled)')}  ${terminalSafe(layer.mediaType)}  ${layer.size} bytes  ${layer.digest}`);
  }
  return 0;
}

function formatColumns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
