// Extracts compact schema snapshots (resource type → every settable attribute path) from the
// providers' own published schemas, so tests can check that every attribute and property name the
// rules read really exists, without the test suite installing a gigabyte of packages:
//   - CloudFormation: the registry schemas in @aws-cdk/aws-service-spec (db.json.gz);
//   - Terraform AWS, AzureRM, Google: the @cdktf/provider-* packages, generated from the providers'
//     Terraform schemas; each resource's synthesizeAttributes() and its nested *ToTerraform()
//     functions name exactly the arguments a configuration may set.
// Paths join nested blocks and properties with dots (`server_side_encryption_configuration.rule.
// apply_server_side_encryption_by_default.sse_algorithm`); lists are transparent, as in HCL.
//
//   node scripts/schemas/snapshot.mjs [--from DIR]   DIR: a folder whose node_modules holds the packages
//     (default: installs them into a temporary folder with npm, which takes a minute)
// Writes test/schemas/snapshots/<provider>.json.gz.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'test', 'schemas', 'snapshots');
const PACKAGES = ['@aws-cdk/aws-service-spec', '@cdktf/provider-aws', '@cdktf/provider-azurerm', '@cdktf/provider-google'];
/** Recursive types (WAF statements nest statements) are cut at this depth; no rule reads deeper. */
const MAX_DEPTH = 10;

const fromIndex = process.argv.indexOf('--from');
let from = fromIndex > 0 ? path.resolve(process.argv[fromIndex + 1]) : undefined;
if (!from) {
  from = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-schemas-'));
  fs.writeFileSync(path.join(from, 'package.json'), '{"private":true}');
  console.error(`installing ${PACKAGES.join(', ')} into ${from} …`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], { cwd: from, stdio: 'inherit' });
}
const modules = path.join(from, 'node_modules');
const versionOf = (name) => JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version;
fs.mkdirSync(out, { recursive: true });

function write(provider, source, types) {
  const sorted = Object.fromEntries(Object.keys(types).sort().map((type) => [type, [...new Set(types[type])].sort()]));
  const snapshot = { provider, source, version: versionOf(source), types: sorted };
  const file = path.join(out, `${provider}.json.gz`);
  // mtime 0 in the gzip header: the same schemas always give the same bytes.
  fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(snapshot), { level: 9 }));
  const paths = Object.values(sorted).reduce((n, list) => n + list.length, 0);
  console.log(`${provider}: ${Object.keys(sorted).length} types, ${paths} attribute paths (${source}@${snapshot.version}) → ${path.relative(root, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
}

// --- CloudFormation ----------------------------------------------------------------------------------
{
  const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(modules, '@aws-cdk/aws-service-spec/db.json.gz'))));
  // Entities are stored as arrays; references name an entity's `$id`, not its index.
  const typeDefinitions = new Map(Object.values(db.schema.typeDefinition.entities).map((definition) => [definition.$id, definition]));
  const types = {};
  const walk = (propertyType, prefix, depth, seen, paths) => {
    if (!propertyType || depth > MAX_DEPTH) return;
    if (propertyType.type === 'array' || propertyType.type === 'map') return walk(propertyType.element, prefix, depth, seen, paths);
    if (propertyType.type === 'union') {
      for (const member of propertyType.types ?? []) walk(member, prefix, depth, seen, paths);
      return;
    }
    // A JSON-typed property (EMR's SecurityConfiguration, say) takes any document: `Prop.*`.
    if (propertyType.type === 'json') return void paths.push(`${prefix}.*`);
    if (propertyType.type !== 'ref') return;
    const id = propertyType.reference.$ref;
    if (seen.has(id)) return;
    const definition = typeDefinitions.get(id);
    for (const [name, property] of Object.entries(definition?.properties ?? {})) {
      const full = `${prefix}.${name}`;
      paths.push(full);
      walk(property.type, full, depth + 1, new Set([...seen, id]), paths);
      for (const previous of property.previousTypes ?? []) walk(previous, full, depth + 1, new Set([...seen, id]), paths);
    }
  };
  for (const resource of Object.values(db.schema.resource.entities)) {
    const paths = [];
    for (const [name, property] of Object.entries(resource.properties ?? {})) {
      paths.push(name);
      walk(property.type, name, 1, new Set(), paths);
      for (const previous of property.previousTypes ?? []) walk(previous, name, 1, new Set(), paths);
    }
    types[resource.cloudFormationType] = paths;
  }
  write('cloudformation', '@aws-cdk/aws-service-spec', types);
}

// --- Terraform (cdktf prebuilt providers) -------------------------------------------------------------
for (const [provider, source] of [
  ['terraform-aws', '@cdktf/provider-aws'],
  ['terraform-azurerm', '@cdktf/provider-azurerm'],
  ['terraform-google', '@cdktf/provider-google'],
]) {
  const lib = path.join(modules, source, 'lib');
  const types = {};
  for (const dir of fs.readdirSync(lib)) {
    const file = path.join(lib, dir, 'index.js');
    if (!fs.existsSync(file)) continue;
    const code = fs.readFileSync(file, 'utf8');
    const typeName = /\.tfResourceType = "([^"]+)"/.exec(code)?.[1];
    if (!typeName || !/\bsynthesizeAttributes\(\)/.test(code)) continue;
    const functions = new Map();
    for (const match of code.matchAll(/function (\w+)ToTerraform\(struct\) \{([\s\S]*?)\n\}/g)) functions.set(match[1], returnedKeys(match[2]));
    const top = returnedKeys(/synthesizeAttributes\(\) \{([\s\S]*?)\n {4}\}/.exec(code)?.[1] ?? '');
    const paths = [];
    const walk = (entries, prefix, depth, seen) => {
      for (const { key, children } of entries) {
        const full = prefix ? `${prefix}.${key}` : key;
        paths.push(full);
        for (const child of children) {
          if (depth >= MAX_DEPTH || seen.has(child) || !functions.has(child)) continue;
          walk(functions.get(child), full, depth + 1, new Set([...seen, child]));
        }
      }
    };
    walk(top, '', 0, new Set());
    types[dir.startsWith('data-') ? `data.${typeName}` : typeName] = paths;
  }
  write(provider, source, types);
}

/** `{ key: fooToTerraform(struct.x), … }` → keys with the generated nested functions they call. */
function returnedKeys(body) {
  const block = /return \{([\s\S]*?)\n\s*\};/.exec(body)?.[1] ?? '';
  const entries = [];
  for (const line of block.split('\n')) {
    const match = /^\s*([A-Za-z_][\w-]*|"[^"]+"):\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1].replace(/^"|"$/g, '');
    const children = [...match[2].matchAll(/(?<!cdktf\.)\b(\w+)ToTerraform\b/g)].map((m) => m[1]);
    entries.push({ key, children });
  }
  return entries;
}
