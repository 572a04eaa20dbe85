/**
 * A vitest reporter that makes skipped tests impossible to miss. The only tests this suite skips
 * are those whose system packages are missing (Debian's python3-torch / python3-onnx, named in the
 * test's title); `npm test` installs them through scripts/test-prereqs.mjs, so a skip here means
 * that install did not happen. The banner names every skipped test and what to install.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** "file > describe > test" for every skipped test. */
export function skippedTests(modules: ReadonlyArray<TestModule>, root: string): string[] {
  const out: string[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      if (test.result().state === 'skipped') out.push(`${relative(root, module.moduleId)} > ${test.fullName}`);
    }
  }
  return out;
}

export default class SkippedReporter implements Reporter {
  private readonly root = process.cwd();

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = skippedTests(modules, this.root);
    if (!skipped.length) return;
    const rule = '!'.repeat(78);
    const lines = [
      '',
      rule,
      `!! ${skipped.length} test${skipped.length === 1 ? ' was' : 's were'} SKIPPED: a system package they need is missing`,
      ...skipped.map((name) => `!!   - ${name}`),
      '!! Install what the titles name (Debian: apt-get install python3-torch python3-onnx;',
      '!! `node scripts/test-prereqs.mjs` does it) and run the tests again.',
      rule,
      '',
    ];
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}
