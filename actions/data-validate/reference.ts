/** The `reference` input: a profile JSON from an earlier run, or data files to profile now. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../../shared/errors/user-error.js';
import { resolveData } from '../../shared/data/reader.js';
import { DataProfile } from '../../shared/data/profile.js';
import { refuseOversizedProfile } from '../../shared/data/profile-size.js';
import { validateData } from '../../shared/data/validate/validate.js';
import type { Host } from '../../shared/host/host.js';
import { allowOutsideWorkspace } from '../../shared/fs/workspace.js';

export async function loadReference(host: Host, spec: string, configFile: string): Promise<DataProfile> {
  if (/\.json$/i.test(spec)) {
    let parsed: unknown;
    try {
      const file = resolve(host.cwd, spec);
      await refuseOversizedProfile(file, spec, { file: spec, key: 'reference' });
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      if (error instanceof UserError) throw error;
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const what = missing ? 'reference profile not found' : error instanceof SyntaxError ? 'reference profile is not valid JSON' : 'cannot read the reference profile';
      throw new UserError(missing ? what : `${what} (${(error as Error).message})`, {
        where: { file: spec, key: 'reference' },
        hint: 'Pass the profile JSON an earlier data-validate run wrote (its `profile` output), or the reference data files.',
      });
    }
    const result = DataProfile.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new UserError(`not a data profile: ${issue.message} at ${issue.path.join('.') || '(top level)'}`, {
        where: { file: spec, key: 'reference' },
        hint: 'Pass the profile JSON an earlier data-validate run wrote (its `profile` output).',
      });
    }
    return result.data;
  }
  const source = await resolveData(host.cwd, spec, { allowOutsideWorkspace: allowOutsideWorkspace((name) => host.env(name)) });
  return (await validateData(source, {}, { host, configFile })).profile;
}
