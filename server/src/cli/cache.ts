// `--cache [DIR]`: results of a unit of work (a Terraform module directory, or a batch of other files)
// kept on disk under a key made of everything the result depends on:
//   - the enclint build (version plus a hash of the running bundle, so a rebuilt rule never serves
//     an old answer) and the rule set,
//   - the unit's config (profile, options, severities, policy mapping, limits — after --rule/--profile),
//   - today's date (an inline suppression with an expiry date stops applying on that day),
//   - every file the analysis reads: path and content hash of the reported files and, for Terraform,
//     of the module's other files (a variable default in variables.tf changes findings in main.tf).
// A second scan of an unchanged tree then only reads and hashes the files. Entries are plain JSON;
// a corrupt or unreadable entry is a miss, never an error. `--fix` never uses the cache (it writes).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { todayIso } from '../engine/engine';
import type { ScanUnit, UnitResult } from './types';
import { version } from './version';

const ENTRY_FORMAT = 1;

export function defaultCacheDir(cwd: string): string {
  // Where JavaScript tools keep caches (ESLint, Babel, Prettier…), else a folder the scan skips.
  return fs.existsSync(path.join(cwd, 'node_modules')) ? path.join(cwd, 'node_modules', '.cache', 'enclint') : path.join(cwd, '.enclint-cache');
}

let buildIdentity: string | undefined;

/** enclint's version and rule ids, plus a hash of the running bundle (a rebuild is a new identity). */
function identity(): string {
  if (buildIdentity) return buildIdentity;
  const hash = createHash('sha256').update(`${ENTRY_FORMAT}\0${version}\0${allRules.map((r) => `${r.meta.id}@${r.meta.severity}`).join(',')}\0`);
  try {
    hash.update(fs.readFileSync(__filename));
  } catch {
    // Running from a place without a readable file: the version and rules stand alone.
  }
  buildIdentity = hash.digest('hex');
  return buildIdentity;
}

function fileDigest(absolutePath: string): string {
  try {
    return createHash('sha256').update(fs.readFileSync(absolutePath)).digest('hex');
  } catch (error) {
    // Unreadable now: keyed as such, so the result (a "cannot read" notice) is cached no longer than it holds.
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

export function unitKey(unit: ScanUnit): string {
  const hash = createHash('sha256').update(identity());
  hash.update(`\0${todayIso()}\0`);
  hash.update(JSON.stringify(unit.config));
  for (const [role, files] of [
    ['file', unit.files],
    ['context', unit.moduleContext ?? []],
  ] as const) {
    for (const file of files) hash.update(`\0${role}\0${file.path}\0${file.absolutePath}\0${fileDigest(file.absolutePath)}`);
  }
  return hash.digest('hex');
}

export class ResultCache {
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  private entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.entry`);
  }

  get(key: string): UnitResult | undefined {
    try {
      const entry = JSON.parse(fs.readFileSync(this.entryPath(key), 'utf8')) as { format: number; result: UnitResult };
      if (entry.format !== ENTRY_FORMAT || !Array.isArray(entry.result?.files)) throw new Error('stale entry');
      this.hits++;
      return entry.result;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  set(key: string, result: UnitResult): void {
    const target = this.entryPath(key);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // Through a temporary file: a scan interrupted mid-write leaves no half entry behind.
      const temporary = `${target}.${process.pid}.tmp`;
      const { timings: _timings, ...kept } = result;
      fs.writeFileSync(temporary, JSON.stringify({ format: ENTRY_FORMAT, result: { ...kept, hclParses: 0 } }));
      fs.renameSync(temporary, target);
    } catch {
      // A read-only or full disk makes the cache useless, not the scan wrong.
    }
  }
}
