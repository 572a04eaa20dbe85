/** `mlops data infer <data> [--out mlops.data.yml]`: writes a starting data contract from the data. */
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { resolveData } from '../../shared/data/reader.js';
import { inferContract } from '../../shared/data/infer.js';
import { validateData } from '../../shared/data/validate/validate.js';
import { UserError } from '../../shared/errors/user-error.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../../shared/fs/atomic.js';
import { LocalHost } from '../../shared/host/local-host.js';
import type { Command } from './index.js';
import { allowOutsideWorkspace } from '../../shared/fs/workspace.js';

const USAGE = 'mlops data infer <data path or glob> [--out mlops.data.yml]';

export const dataCommand: Command = {
  async run(args, io) {
    const [sub, spec, ...rest] = args.positionals;
    if (sub !== 'infer' || !spec || rest.length > 0) {
      throw new UserError(sub && sub !== 'infer' ? `unknown data command "${sub}"` : 'mlops data infer needs a data path', { hint: `Usage: ${USAGE}` });
    }
    for (const flag of Object.keys(args.flags)) {
      if (flag !== 'out' && flag !== 'allow-outside-workspace') throw new UsageError(`mlops data infer: unknown option --${flag}`, { hint: `Usage: ${USAGE}` });
    }
    const out = args.flags.out ?? 'mlops.data.yml';
    const host = new LocalHost({ cwd: io.cwd, inputs: {}, env: io.env, summaryPath: 'mlops-out/data-infer-summary.md', out: io.out, err: io.err });
    const source = await resolveData(io.cwd, spec, { allowOutsideWorkspace: args.flags['allow-outside-workspace'] !== undefined || allowOutsideWorkspace((name) => io.env[name]) });
    const { profile } = await validateData(source, {}, { host, configFile: out });
    const contract = inferContract(profile);
    const text =
      `# Starting data contract inferred by \`mlops data infer ${spec}\` from ${profile.rows} rows (fingerprint ${profile.fingerprint}).\n` +
      '# Review it: ranges and value lists are what this data happens to hold. Paste the data: section into mlops.yml.\n' +
      stringify({ data: contract }, { lineWidth: 0, flowCollectionPadding: true, collectionStyle: 'block' });
    await writeFileAtomic(resolve(io.cwd, out), text);
    io.out(`wrote ${out}: a contract for ${profile.columns.length} columns; review it, then copy its data: section into mlops.yml`);
    return 0;
  },
};
