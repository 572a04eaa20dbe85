#!/usr/bin/env node
// The tests start a real OCI registry (Debian's docker-registry) and check it with skopeo;
// the auth tests make htpasswd entries (apache2-utils) and sign tokens with a certificate
// made by openssl; the KServe tests check the fake Kubernetes API server with kubectl
// (kubernetes-client). On a fresh machine this installs them with apt-get; a test that needs them
// never skips.
import { execFileSync } from 'node:child_process';

const needed = { 'docker-registry': 'docker-registry', skopeo: 'skopeo', htpasswd: 'apache2-utils', openssl: 'openssl', kubectl: 'kubernetes-client' };

function has(command) {
  try {
    execFileSync('sh', ['-c', 'command -v "$0"', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = Object.entries(needed).filter(([command]) => !has(command)).map(([, pkg]) => pkg);
if (missing.length) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = root ? ['apt-get'] : has('sudo') ? ['sudo', '-n', 'apt-get'] : null;
  if (!apt || !has('apt-get')) {
    console.error(`The tests need ${missing.join(', ')}. Install them (Debian/Ubuntu: apt-get install ${missing.join(' ')}) and run the tests again.`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync(apt[0], [...apt.slice(1), 'update', '-qq'], { stdio: 'inherit', env });
  execFileSync(apt[0], [...apt.slice(1), 'install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
