#!/usr/bin/env node
// What the tests need from the system, installed the way .ci/run installs it, so `npm test` and
// CI agree: a real OCI registry (Debian's docker-registry) checked with skopeo; htpasswd entries
// (apache2-utils) and certificates made by openssl for the auth tests; kubectl
// (kubernetes-client) as an independent client of the fake Kubernetes API server (KServe tests); and for the PyTorch
// example, Debian's python3-torch and python3-onnx under /usr/bin/python3. On a fresh machine this
// installs what is missing with apt-get. A test never skips for the registry tools; the PyTorch
// tests skip only where torch/onnx cannot be installed, and the run then ends with a banner
// naming them (test/support/skipped-reporter.ts).
import { execFileSync } from 'node:child_process';

const commands = { 'docker-registry': 'docker-registry', skopeo: 'skopeo', htpasswd: 'apache2-utils', openssl: 'openssl', kubectl: 'kubernetes-client' };
const PYTHON = '/usr/bin/python3';
const pythonPackages = ['python3-torch', 'python3-onnx'];

function succeeds(command, args) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const has = (command) => succeeds('sh', ['-c', 'command -v "$0"', command]);

const required = Object.entries(commands).filter(([command]) => !has(command)).map(([, pkg]) => pkg);
const optional = succeeds(PYTHON, ['-c', 'import torch, onnx']) ? [] : pythonPackages;
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = root ? ['apt-get'] : has('sudo') ? ['sudo', '-n', 'apt-get'] : null;
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let updated = false;
function install(packages) {
  console.log(`installing ${packages.join(', ')} with apt-get …`);
  if (!updated) execFileSync(apt[0], [...apt.slice(1), 'update', '-qq'], { stdio: 'inherit', env });
  updated = true;
  execFileSync(apt[0], [...apt.slice(1), 'install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

const canInstall = apt !== null && has('apt-get');
if (required.length) {
  if (!canInstall) {
    console.error(`The tests need ${required.join(', ')}. Install them (Debian/Ubuntu: apt-get install ${required.join(' ')}) and run the tests again.`);
    process.exit(1);
  }
  install(required);
}
if (optional.length) {
  const skipped = `the PyTorch example's tests will be SKIPPED (apt-get install ${optional.join(' ')} to run them)`;
  if (!canInstall) console.error(`warning: ${optional.join(', ')} missing and apt-get is not available: ${skipped}.`);
  else {
    try {
      install(optional);
    } catch {
      console.error(`warning: could not install ${optional.join(', ')}: ${skipped}.`);
    }
  }
}
