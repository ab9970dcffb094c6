// Development aid until the CLI lands: scans a folder with the engine and writes a minimal SARIF log
// the corpus scorer understands. Usage: npx tsx scripts/quick-sarif.ts <dir> <out.sarif>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules';
import { analyze, initEngine } from '../server/src/engine/engine';
import { decodeBytes, detectKind } from '../server/src/engine/source';

async function main(): Promise<void> {
  const [dir, out] = process.argv.slice(2);
  await initEngine();
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  const byDir = new Map<string, string[]>();
  for (const f of files) byDir.set(path.dirname(f), [...(byDir.get(path.dirname(f)) ?? []), f]);
  const results: unknown[] = [];
  for (const file of files) {
    if (!detectKind(file)) continue;
    const decoded = decodeBytes(fs.readFileSync(file));
    if (!decoded.ok) continue;
    const siblings = (byDir.get(path.dirname(file)) ?? []).filter((f) => /\.tf(vars)?$/.test(f) && f !== file).map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') }));
    const result = analyze({ path: file, text: decoded.text }, { moduleFiles: /\.tf$/.test(file) ? siblings : [] });
    for (const n of result.notices) if (n.kind === 'rule-error') console.error(`${file}: ${n.message}`);
    for (const f of result.findings) {
      results.push({
        ruleId: f.ruleId,
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: path.resolve(file) }, region: { startLine: f.range.start.line + 1, endLine: f.range.end.line + 1 } } }],
      });
    }
  }
  const rules = allRules.map((r) => ({ id: r.meta.id, properties: { tags: [r.meta.family] } }));
  fs.writeFileSync(out, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'enclint', rules } }, results }] }));
  console.log(`${results.length} results from ${files.length} files`);
}
void main();
