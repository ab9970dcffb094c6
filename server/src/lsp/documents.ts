// Open documents: text, version, and — for Terraform — the tree-sitter tree of the last analysis,
// kept in step with every incremental change (`tree.edit`) so the next parse reuses unchanged subtrees.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { Edit, type SyntaxTree } from '../engine/parsers/hcl';
import { detectKind } from '../engine/source';
import type { SourceKind } from '../engine/types';
import { isFileUri, uriToPath } from './uri';

/** Editor language ids for files whose name says nothing (untitled buffers, odd extensions). */
const LANGUAGE_KINDS: Record<string, SourceKind> = {
  terraform: 'terraform',
  'terraform-vars': 'terraform-vars',
  tfvars: 'terraform-vars',
  hcl: 'terraform',
  json: 'json',
  jsonc: 'json',
  yaml: 'yaml',
  typescript: 'typescript',
  typescriptreact: 'typescript',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  python: 'python',
  go: 'go',
  java: 'java',
  dotenv: 'dotenv',
};

export function kindOf(filePath: string, languageId: string | undefined, text: string): SourceKind | undefined {
  const detected = detectKind(filePath, text);
  if (detected) return detected;
  const fromLanguage = languageId ? LANGUAGE_KINDS[languageId] : undefined;
  if ((fromLanguage === 'json' || fromLanguage === 'yaml') && detectKind(`x.${fromLanguage}`, text) !== fromLanguage) {
    return detectKind(`x.${fromLanguage}`, text);
  }
  return fromLanguage;
}

export class LiveDocument {
  readonly path: string;
  /** The tree of an earlier version with every later change applied via `tree.edit`, or undefined. */
  tree: SyntaxTree | undefined;
  /** True while `tree` describes older text (edited, not yet reparsed). */
  treeIsEdited = false;

  /** Only file: documents have a directory on disk (siblings, .enclint.yaml); virtual ones do not. */
  readonly onDisk: boolean;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public document: TextDocument,
  ) {
    this.path = uriToPath(uri);
    this.onDisk = isFileUri(uri);
  }

  get version(): number {
    return this.document.version;
  }

  get text(): string {
    return this.document.getText();
  }

  get kind(): SourceKind | undefined {
    return kindOf(this.path, this.languageId, this.text);
  }

  get isTerraform(): boolean {
    const kind = this.kind;
    return kind === 'terraform' || kind === 'terraform-vars';
  }

  /**
   * Applies the client's changes in order. Ranges beyond the document are clamped (the LSP text
   * document rules), so a confused client gets a best-effort result rather than a crash.
   */
  applyChanges(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        this.editTree(change.range, change.text);
        this.document = TextDocument.update(this.document, [{ range: change.range, text: change.text }], version);
      } else {
        this.dropTree();
        this.document = TextDocument.update(this.document, [{ text: change.text }], version);
      }
    }
    // An empty change list still bumps the version.
    if (this.document.version !== version) this.document = TextDocument.update(this.document, [], version);
  }

  /** Tells the kept tree which text moved (tree-sitter counts UTF-16 code units, as LSP does). */
  private editTree(range: Range, newText: string): void {
    if (!this.tree) return;
    const before = this.document;
    // Same normalisation as TextDocument.update: clamp to the document, and a reversed range is swapped.
    const from = before.offsetAt(range.start);
    const to = before.offsetAt(range.end);
    const startIndex = Math.min(from, to);
    const oldEndIndex = Math.max(from, to);
    const startPosition = before.positionAt(startIndex);
    const oldEndPosition = before.positionAt(oldEndIndex);
    const newEndIndex = startIndex + newText.length;
    const newEndPosition = endPositionAfterInsert(startPosition, newText);
    try {
      this.tree.edit(
        new Edit({
          startIndex,
          oldEndIndex,
          newEndIndex,
          startPosition: { row: startPosition.line, column: startPosition.character },
          oldEndPosition: { row: oldEndPosition.line, column: oldEndPosition.character },
          newEndPosition: { row: newEndPosition.line, column: newEndPosition.character },
        }),
      );
      this.treeIsEdited = true;
    } catch {
      this.dropTree();
    }
  }

  /** Replaces the kept tree with the one the latest analysis parsed; frees the old one. */
  keepTree(tree: SyntaxTree | undefined): void {
    if (this.tree && this.tree !== tree) this.tree.delete();
    this.tree = tree;
    this.treeIsEdited = false;
  }

  dropTree(): void {
    this.keepTree(undefined);
  }
}

function endPositionAfterInsert(start: { line: number; character: number }, text: string): { line: number; character: number } {
  let line = start.line;
  let lastBreak = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lastBreak = i;
    }
  }
  return lastBreak < 0 ? { line, character: start.character + text.length } : { line, character: text.length - lastBreak - 1 };
}

export class DocumentStore {
  private readonly byUri = new Map<string, LiveDocument>();

  open(uri: string, languageId: string, version: number, text: string): LiveDocument {
    this.byUri.get(uri)?.dropTree();
    const live = new LiveDocument(uri, languageId, TextDocument.create(uri, languageId, version, text));
    this.byUri.set(uri, live);
    return live;
  }

  get(uri: string): LiveDocument | undefined {
    return this.byUri.get(uri);
  }

  /** The open document for a file path, if any (disk files defer to the editor's unsaved text). */
  byPath(filePath: string): LiveDocument | undefined {
    for (const live of this.byUri.values()) if (live.onDisk && live.path === filePath) return live;
    return undefined;
  }

  close(uri: string): LiveDocument | undefined {
    const live = this.byUri.get(uri);
    live?.dropTree();
    this.byUri.delete(uri);
    return live;
  }

  all(): LiveDocument[] {
    return [...this.byUri.values()];
  }
}
