// Bundles the client into the server's static files (server/NegotiationEditor.Server/wwwroot, git-ignored).
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.env.WEB_CLIENT_OUT ?? join(here, '../../server/NegotiationEditor.Server/wwwroot'));
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  outfile: join(out, 'app.js'),
  sourcemap: true,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
cpSync(join(here, 'public'), out, { recursive: true });
console.log(`web client built into ${out}`);
