// Called by WebClient.targets before the server builds: installs the packages when node_modules is missing or
// package-lock.json changed (npm ci), then bundles the client (build.mjs). Several builds of the server may run at
// once (test projects, engineers): a lock folder makes them take turns, so npm ci never runs twice in parallel.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = join(here, '.build-lock');
const stamp = join(here, 'node_modules', '.negotiation-editor-installed');
const staleAfterMs = 10 * 60 * 1000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquire() {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleAfterMs) rmSync(lock, { recursive: true, force: true });
      } catch {
        // the other build released it meanwhile
      }
      sleep(250);
    }
  }
}

const lockHash = createHash('sha256').update(readFileSync(join(here, 'package-lock.json'))).digest('hex');
acquire();
try {
  const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (installed !== lockHash || !existsSync(join(here, 'node_modules', 'esbuild'))) {
    console.log('web client: npm ci');
    execSync('npm ci --no-audit --no-fund', { cwd: here, stdio: 'inherit' });
    writeFileSync(stamp, lockHash + '\n');
  }
  // No process.exit here: it would skip the finally below and leave the lock for the next build to wait out.
  if (!process.argv.includes('--install-only')) {
    execSync('node build.mjs', { cwd: here, stdio: 'inherit', env: process.env });
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
