// Files as the analysis sees them: an open document's unsaved text wins over the disk, disk files are
// read once per modification (mtime + size) and kept as parsed SourceFiles, so a Terraform module's
// siblings are not re-read or re-parsed on every keystroke in one of its files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, SourceFile } from '../engine/source';
import type { DocumentStore, LiveDocument } from './documents';
import { kindOf } from './documents';

export type DiskRead = { ok: true; file: SourceFile } | { ok: false; reason: string };

interface DiskEntry {
  stamp: string;
  read: DiskRead;
}

const TERRAFORM_FILE = /\.(tf|tfvars)$/i;

/**
 * Disk files kept parsed at once. What needs keeping is the modules of the open documents (their
 * siblings are read on every keystroke); a workspace scan passes through every file once, and keeping
 * each parsed made the server hold 1 GB after a 2,000-file scan (models and parse trees, the trees in
 * WebAssembly memory that never shrinks). Evicted entries are re-read when next needed.
 */
const MAX_CACHED_FILES = 32;

export class FileCache {
  private readonly disk = new Map<string, DiskEntry>();
  private readonly openFiles = new Map<string, { version: number; file: SourceFile }>();

  constructor(private readonly documents: DocumentStore) {}

  /** Reads a file from disk (never executing or following anything but the path). */
  readDisk(filePath: string, maxBytes: number): DiskRead {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch (error) {
      this.disk.delete(filePath);
      return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > maxBytes) return { ok: false, reason: `larger than ${maxBytes} bytes (maxFileBytes)` };
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.disk.get(filePath);
    if (cached && cached.stamp === stamp) {
      // Most recently used last: Map keeps insertion order, so the first entry is the eviction candidate.
      this.disk.delete(filePath);
      this.disk.set(filePath, cached);
      return cached.read;
    }
    let read: DiskRead;
    try {
      const decoded = decodeBytes(fs.readFileSync(filePath));
      read = decoded.ok ? { ok: true, file: new SourceFile({ path: filePath, text: decoded.text, kind: kindOf(filePath, undefined, decoded.text) }) } : { ok: false, reason: decoded.reason };
    } catch (error) {
      read = { ok: false, reason: `cannot read: ${(error as Error).message}` };
    }
    this.disk.set(filePath, { stamp, read });
    while (this.disk.size > MAX_CACHED_FILES) this.disk.delete(this.disk.keys().next().value!);
    return read;
  }

  forget(filePath: string): void {
    this.disk.delete(filePath);
  }

  /** An open document as a SourceFile, kept per version so siblings are parsed once per edit. */
  openFile(live: LiveDocument): SourceFile {
    const kept = this.openFiles.get(live.uri);
    if (kept && kept.version === live.version) return kept.file;
    const file = new SourceFile({ path: live.path, text: live.text, kind: live.kind });
    this.openFiles.set(live.uri, { version: live.version, file });
    return file;
  }

  closed(uri: string): void {
    this.openFiles.delete(uri);
  }

  /**
   * The other files of a Terraform module: every .tf/.tfvars in the same directory, taking open
   * documents' text over the disk. Files without a directory on disk only see other open documents.
   */
  moduleSiblings(filePath: string, maxBytes: number, onDisk = true): SourceFile[] {
    const dir = path.dirname(filePath);
    const siblings = new Map<string, SourceFile>();
    let names: string[] = [];
    if (onDisk && path.isAbsolute(filePath)) {
      try {
        names = fs.readdirSync(dir).filter((name) => TERRAFORM_FILE.test(name));
      } catch {
        names = [];
      }
    }
    for (const name of names) {
      const sibling = path.join(dir, name);
      if (sibling === filePath) continue;
      const open = this.documents.byPath(sibling);
      if (open) continue;
      const read = this.readDisk(sibling, maxBytes);
      if (read.ok) siblings.set(sibling, read.file);
    }
    for (const live of this.documents.all()) {
      if (live.onDisk !== onDisk || live.path === filePath || path.dirname(live.path) !== dir || !TERRAFORM_FILE.test(live.path)) continue;
      siblings.set(live.path, this.openFile(live));
    }
    return [...siblings.values()];
  }
}
