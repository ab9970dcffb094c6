// `npm run package`: builds the production bundles, checks that they are self-contained, and packages
// the VS Code extension with @vscode/vsce into enclint-<version>.vsix. Nothing here uses the network:
// dependencies are inlined by esbuild (so vsce runs with --no-dependencies), and the README's relative
// links are left as they are rather than rewritten against a repository URL.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = resolve(root, process.env.ENCLINT_VSIX ?? `${manifest.name}-${manifest.version}.vsix`);

// What the extension needs at run time; the package is rejected if any of these is missing.
const REQUIRED_FILES = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/typescript-estree.js',
  'extension/dist/web-tree-sitter.wasm',
  'extension/dist/tree-sitter-terraform.wasm',
  'extension/syntaxes/terraform.tmLanguage.json',
  'extension/language-configuration/terraform.json',
  'extension/media/icon.png',
];
// Development files that must never ship.
const FORBIDDEN = [/^extension\/dist\/(cli|worker)\.js$/, /\/node_modules\//, /\.ts$/, /\.map$/, /^extension\/(server|client|rules|test|examples|docs|scripts)\//];
const BUNDLES = ['extension.js', 'server.js', 'cli.js', 'worker.js', 'typescript-estree.js'];
// Requires a bundled library makes only inside try/catch, falling back when the module is absent:
// TypeScript's compiler (bundled for reading CDK code) tries `source-map-support` for its own stack traces.
const OPTIONAL_REQUIRES = new Set(['source-map-support']);

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const started = Date.now();

run(process.execPath, [join(root, 'scripts/build.mjs'), '--minify']);

// A bundle may only require Node's built-ins and `vscode` (provided by the editor): the .vsix has no
// node_modules, so any other require() would fail on a user's machine.
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
for (const bundle of BUNDLES) {
  const code = readFileSync(join(root, 'dist', bundle), 'utf8');
  const external = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)]
    .map((match) => match[1])
    .filter((name) => !builtins.has(name) && name !== 'vscode' && !OPTIONAL_REQUIRES.has(name))
    // A parser bundled on its own and loaded on first use (scripts/build.mjs, LAZY_BUNDLES) ships next to it.
    .filter((name) => !(name.startsWith('./') && BUNDLES.includes(name.slice(2))));
  if (external.length > 0) {
    throw new Error(`dist/${bundle} requires modules that are not bundled: ${[...new Set(external)].join(', ')}`);
  }
}

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const repositoryFlags = manifest.repository ? [] : ['--allow-missing-repository', '--no-rewrite-relative-links'];
// vsce scans the packaged files with secretlint. enclint's token rule carries made-up examples of the
// formats it detects (shown in its docs and hover), and they look like secrets to that scan. Allow only
// the families those examples use, so a new one stops the build and gets a second look.
const EXAMPLE_TOKEN_FAMILIES = ['github'];
const secretFlags = EXAMPLE_TOKEN_FAMILIES.flatMap((family) => ['--allow-package-secrets', family]);
run(process.execPath, [vsce, 'package', '--no-dependencies', ...repositoryFlags, ...secretFlags, '--out', vsix]);

const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
const missing = REQUIRED_FILES.filter((file) => !listing.includes(file));
const forbidden = listing.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
if (missing.length > 0) throw new Error(`${vsix} lacks ${missing.join(', ')}`);
if (forbidden.length > 0) throw new Error(`${vsix} contains development files: ${forbidden.join(', ')}`);

const size = statSync(vsix).size;
console.log(
  `packaged ${relative(process.cwd(), vsix)}: ${(size / 1024).toFixed(0)} KiB, ${listing.length} files, ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
