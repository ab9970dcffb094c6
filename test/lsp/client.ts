// A small LSP client for protocol tests: spawns the real bundled server (`node dist/server.js --stdio`)
// and speaks JSON-RPC to it, collecting what it publishes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

let checked = false;

/** Newest modification time of the sources that go into the bundles. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when it is missing or older than the sources (CI runs `npm test`, which builds first;
 * a plain `npx mocha` after an edit must not test a stale server). Checked once per test run.
 */
export function ensureBuilt(): void {
  if (checked) return;
  checked = true;
  const bundles = ['server.js', 'cli.js'].map((name) => path.join(ROOT, 'dist', name));
  const sources = Math.max(...['server/src', 'rules', 'client/src'].map((dir) => newestSource(path.join(ROOT, dir))));
  if (bundles.every((bundle) => existsSync(bundle) && statSync(bundle).mtimeMs >= sources)) return;
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('node scripts/build.mjs failed');
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{ range: Range; severity?: number; code?: string | number; codeDescription?: { href: string }; source?: string; message: string; data?: unknown; relatedInformation?: Array<{ location: { uri: string; range: Range }; message: string }>; tags?: number[] }>;
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface StartOptions {
  /** Capabilities the fake client claims (default: push diagnostics, configuration requests, progress). */
  capabilities?: Record<string, unknown>;
  rootUri?: string | null;
  /** Answer to `workspace/configuration` for section enclint. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
}

export const DEFAULT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } }, hover: { contentFormat: ['markdown'] } },
};

export class LspTestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly progress: Array<{ token: unknown; value: { kind: string } & Record<string, unknown> }> = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  settings: Record<string, unknown>;
  stderr = '';
  private listeners: Array<() => void> = [];

  constructor(options: StartOptions = {}) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.notify();
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.notify();
    });
    this.connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string } }) => {
      this.progress.push(params);
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map(() => this.settings));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.notifications.push({ method: 'workspace/diagnostic/refresh', params: null });
      this.notify();
      return null;
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    ensureBuilt();
    const client = new LspTestClient(options);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves when `predicate` holds, checking after every message from the server. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  /** The diagnostics published for `uri` (at `version`, if given), waiting for them if needed. */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishedDiagnostics['diagnostics']> {
    return this.waitFor(
      () => {
        const found = [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
        return found ? found.diagnostics : undefined;
      },
      timeoutMs,
      `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`,
    );
  }

  open(uri: string, text: string, languageId = 'terraform', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: Array<{ range?: Range; text: string }>): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = unknown>(method: string, params?: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await Promise.race([new Promise((resolve) => this.process.once('exit', resolve)), new Promise((r) => setTimeout(r, 2000))]);
      if (this.process.exitCode === null) this.process.kill();
    }
  }
}

/** Applies LSP text edits to text (from the end, so earlier ranges stay valid). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const offsets = lineOffsets(text);
  const toOffset = (p: { line: number; character: number }) => Math.min(text.length, (offsets[p.line] ?? text.length) + p.character);
  const sorted = edits.map((e) => ({ start: toOffset(e.range.start), end: toOffset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') offsets.push(i + 1);
  return offsets;
}
