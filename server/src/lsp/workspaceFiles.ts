// Lists the files a workspace scan looks at: every file whose kind the engine knows, skipping
// dependency, build and VCS folders. Never follows symlinks (a link loop must not hang the server).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../engine/source';

const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '.terraform', '.terragrunt-cache', '.venv', 'venv', '__pycache__', '.tox', 'dist', 'out', 'target', 'vendor', '.idea', '.vscode-test', 'cdk.out', '.next', 'coverage']);

/** enclint's own config is read as config, not scanned as infrastructure YAML. */
const CONFIG_FILE = /^\.enclint\.ya?ml$/;

/** Upper bound so a huge monorepo opened by accident does not tie the server up for minutes. */
export const MAX_SCANNED_FILES = 20_000;

export async function* supportedFiles(root: string, isCancelled: () => boolean): AsyncGenerator<string> {
  const pending = [root];
  let yielded = 0;
  while (pending.length) {
    if (isCancelled()) return;
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && !CONFIG_FILE.test(entry.name) && detectKind(full)) {
        yield full;
        if (++yielded >= MAX_SCANNED_FILES) return;
      }
    }
  }
}
