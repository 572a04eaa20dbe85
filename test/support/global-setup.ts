// Tests run the bundles the runner runs, so build them first (the build is deterministic).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname, stdio: 'inherit' });
}
