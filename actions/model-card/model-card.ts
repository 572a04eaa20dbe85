/**
 * model-card: writes MODEL_CARD.md (Hugging Face front matter + Mitchell et al.'s nine sections)
 * and model-card.json from mlops.yml's model_card section and the run record.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { modelCardKeys } from '../../shared/config/sections/model-card.js';
import { suggestKey } from '../../shared/config/suggest.js';
import { UserError } from '../../shared/errors/user-error.js';
import { writeFileAtomic } from '../../shared/fs/atomic.js';
import { parseCommentMode, postReport, type CommentMode } from '../../shared/github/pull-request-report.js';
import type { Host } from '../../shared/host/host.js';
import { listInput, requiredInput } from '../../shared/host/inputs.js';
import { runContext } from '../../shared/record/context.js';
import { appendSection, DEFAULT_RECORD_PATH, readRecord } from '../../shared/record/record.js';
import type { Stage } from '../../shared/stage/definition.js';
import { buildCardContent, missingSections } from './card-content.js';
import { EVIDENCE_KEYS, missingEvidence } from './governance-card.js';
import { cardJson, validateCardJson } from './card-json.js';
import { renderCardMarkdown, withoutFrontMatter } from './render-markdown.js';
import { crypto } from '../../shared/node/builtins.js';

export interface ModelCardOptions {
  recordPath: string;
  /** The record was named explicitly, so it must exist. */
  recordExplicit: boolean;
  configPath: string;
  outPath: string;
  require: string[];
  comment: CommentMode;
  token: string;
}

export const modelCardStage: Stage<ModelCardOptions> = {
  name: 'model-card',

  readOptions(host: Host): ModelCardOptions {
    const record = host.input('record').trim() || DEFAULT_RECORD_PATH;
    const require = listInput(host, 'require');
    for (const key of require) {
      const allowed = [...modelCardKeys, ...EVIDENCE_KEYS];
      if (!(allowed as string[]).includes(key)) {
        const guess = suggestKey(key, allowed);
        throw new UserError(`input "require" names "${key}", which is not a model_card key or evidence (fairness, explainability)`, {
          where: { key: 'require' },
          hint: guess ? `Did you mean "${guess}"?` : `Keys: ${allowed.join(', ')}.`,
        });
      }
    }
    return {
      recordPath: record,
      recordExplicit: record !== DEFAULT_RECORD_PATH,
      configPath: host.input('config').trim(),
      outPath: requiredInput(host, 'out'),
      require,
      comment: parseCommentMode(host.input('comment')),
      token: host.input('github-token'),
    };
  },

  async run(options, host) {
    const { config } = await loadConfig(host.cwd, options.configPath);
    const recordFile = resolve(host.cwd, options.recordPath);
    if (options.recordExplicit && !existsSync(recordFile)) {
      throw new UserError('run record not found', {
        where: { file: options.recordPath, key: 'record' },
        hint: 'Run the earlier stages first, or leave `record` empty to make the card from mlops.yml alone.',
      });
    }
    const record = await readRecord(recordFile, options.recordPath);
    if (!record) {
      host.warning(`no run record at ${options.recordPath}: the card is made from mlops.yml alone and its quantitative sections are empty.`);
    }

    const context = runContext(host, 'model-card');
    const content = buildCardContent(config, record, context);
    const missing = missingSections(content.sections, options.require.filter((key) => !(EVIDENCE_KEYS as readonly string[]).includes(key)));
    const missingGovernance = missingEvidence(content.governance, options.require);
    const markdown = renderCardMarkdown(content);
    const json = cardJson(content, missing);
    const problems = await validateCardJson(json);
    if (problems.length) throw new Error(`model-card.json failed its own schema: ${problems.join('; ')}`);

    const outFile = resolve(host.cwd, options.outPath);
    const jsonFile = join(dirname(outFile), 'model-card.json');
    await writeFileAtomic(outFile, markdown);
    await writeFileAtomic(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
    const display = (file: string) => {
      const path = relative(host.cwd, file);
      return path && !path.startsWith('..') && !isAbsolute(path) ? path : file;
    };
    host.info(`model card written to ${display(outFile)} and ${display(jsonFile)}`);

    if (record || !options.recordExplicit) {
      await appendSection(
        recordFile,
        'model_card',
        {
          path: display(outFile),
          json_path: display(jsonFile),
          sha256: crypto().createHash('sha256').update(markdown).digest('hex'),
          missing_sections: missing,
        },
        context,
        options.recordPath,
      );
    }

    await postReport({ host, stage: 'model-card', model: content.name, markdown: withoutFrontMatter(markdown), comment: options.comment, token: options.token });

    return {
      outputs: { path: display(outFile), json: display(jsonFile) },
      failure: missing.length
        ? `required model card sections are empty: ${missing.join(', ')} (fill them in the model_card section of mlops.yml)`
        : missingGovernance.length
          ? `required governance evidence is missing from the run record: ${missingGovernance.join(', ')} (set ${missingGovernance.map((key) => (key === 'fairness' ? 'gate.fairness' : 'gate.explain or the explain input')).join(' and ')} for evaluate-gate)`
          : undefined,
    };
  },
};
