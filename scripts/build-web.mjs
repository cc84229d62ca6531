// Bundles the dashboard (src/web) into dist/web at build time: one ES module (preact + echarts,
// no CDN, no runtime download), its stylesheet and index.html. Type-checks src/web first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'src/web')], {
  stdio: 'inherit',
});
const out = join(root, 'dist/web');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'src/web/main.tsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
copyFileSync(join(root, 'src/web/app.css'), join(out, 'app.css'));
copyFileSync(join(root, 'src/web/index.html'), join(out, 'index.html'));
