// Bundles the CLI, the language server and the VS Code client with esbuild, and copies the
// WebAssembly the HCL parser needs next to the bundles (dist/ is what the .vsix ships).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli' },
  { in: 'server/src/cli/worker.ts', out: 'worker' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension' },
].filter((entry) => existsSync(join(root, entry.in)));

/**
 * Parsers that the engine loads on first use (server/src/engine/parsers/lazy.ts) are bundled on their
 * own, next to the main bundles, and the main bundles require them by relative path: start-up then
 * reads only the code it runs (the TypeScript compiler is most of the size).
 */
const LAZY_BUNDLES = [{ module: '@typescript-eslint/typescript-estree', out: 'typescript-estree' }];

const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    for (const lazy of LAZY_BUNDLES) {
      const filter = new RegExp(`^${lazy.module.replace(/[/.]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) => (args.importer.endsWith('lazy.ts') ? { path: `./${lazy.out}.js`, external: true } : undefined));
    }
  },
};

await esbuild.build({
  absWorkingDir: root,
  entryPoints: LAZY_BUNDLES.map((lazy) => ({ in: lazy.module, out: lazy.out })),
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});

await esbuild.build({
  absWorkingDir: root,
  entryPoints: entries,
  plugins: [lazyBundles],
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  external: ['vscode'],
  // jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow; its ESM build
  // bundles cleanly. web-tree-sitter's ESM build locates its wasm through import.meta.url, which is empty
  // in a CommonJS bundle; its CommonJS build uses __dirname (and we pass locateFile anyway).
  alias: {
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs',
  },
  logLevel: 'warning',
});

for (const [from, name] of [
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'tree-sitter-terraform.wasm'],
]) {
  copyFileSync(join(root, from), join(dist, name));
}
console.log(`built ${[...entries.map((e) => e.out), ...LAZY_BUNDLES.map((l) => l.out)].join(', ')} into dist/`);
