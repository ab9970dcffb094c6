// The language server's state and its handlers: documents, settings, scheduling, push/pull
// diagnostics, code actions, hover, the workspace scan and file watching. Everything that decides
// what a finding is lives in the engine; this file only decides when to ask and where to send it.
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { defaultConfig, type EnclintConfig } from '../engine/config';
import { initEngine } from '../engine/engine';
import type { SourceFile } from '../engine/source';
import type { AnalysisResult } from '../engine/types';
import { Analyzer, type DocumentAnalysis } from './analysis';
import { codeActions, FIX_ALL_KIND, minimalEdit } from './codeActions';
import { ConfigStore, isExcluded } from './configs';
import { toDiagnostics, SOURCE } from './diagnostics';
import { DocumentStore, type LiveDocument } from './documents';
import { FileCache } from './files';
import { hover } from './hover';
import { FIX_ALL, SCAN_WORKSPACE, STATUS, type FixAllParams, type FixAllResponse, type ScanResult, type StatusParams } from './protocol';
import { AnalysisScheduler } from './scheduler';
import { applySettings, DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { isFileUri, pathToUri, uriToPath } from './uri';
import { supportedFiles } from './workspaceFiles';

export const SERVER_VERSION = '0.1.0';

/** What the workspace watcher reports on (every source kind enclint scans, plus its config). */
export const WATCHED_GLOBS = ['**/*.{tf,tfvars,json,yaml,yml,ts,js,py,go,java,env}', '**/.env*', '**/.enclint.yaml', '**/.enclint.yml'];

const CONFIG_FILE = /(^|[\\/])\.enclint\.ya?ml$/;

interface ClientSupport {
  pullDiagnostics: boolean;
  configurationRequest: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchers: boolean;
  workspaceFolders: boolean;
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: !!capabilities.textDocument?.diagnostic,
    configurationRequest: !!capabilities.workspace?.configuration,
    dynamicConfiguration: !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration,
    dynamicWatchers: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolders: !!capabilities.workspace?.workspaceFolders,
  };
}

function requireUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string' || uri === '') throw new ResponseError(ErrorCodes.InvalidParams, 'params.textDocument.uri must be a string');
  return uri;
}

function requirePosition(params: unknown): { line: number; character: number } {
  const position = (params as { position?: { line?: unknown; character?: unknown } } | undefined)?.position;
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character) || (position.line as number) < 0 || (position.character as number) < 0) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'params.position must be { line, character } with non-negative integers');
  }
  return position as { line: number; character: number };
}

/** A file scanned from disk (not open in the editor) and how many findings it has. */
interface DiskResult {
  uri: string;
  findings: number;
}

export class EnclintLanguageServer {
  private readonly documents = new DocumentStore();
  private readonly files = new FileCache(this.documents);
  private readonly configs = new ConfigStore();
  private readonly analyzer = new Analyzer(this.files);
  private readonly scheduler = new AnalysisScheduler((uri, isCurrent) => this.runScheduled(uri, isCurrent));
  /** Latest analysis of each open document. */
  private readonly analyses = new Map<string, DocumentAnalysis>();
  /** Last version published per open document: never publish an older one after a newer one. */
  private readonly publishedVersion = new Map<string, number>();
  private readonly findingCounts = new Map<string, number>();
  private readonly diskResults = new Map<string, DiskResult>();
  /** Config files with a published error, and which error. */
  private readonly configErrorUris = new Map<string, string>();
  /** Open documents whose module siblings changed since their last analysis. */
  private readonly staleByModule = new Set<string>();
  private readonly settingsByScope = new Map<string, Promise<Settings>>();
  private readonly resolvedSettings = new Map<string, Settings>();
  private globalSettings: Settings = { ...DEFAULT_SETTINGS };
  /** Bumped whenever settings or config files change: cached analyses made before are stale. */
  private configGeneration = 0;
  private support: ClientSupport = clientSupport({});
  private roots: string[] = [];
  private scan: { cancelled: boolean; done: Promise<ScanResult> } | undefined;
  private scanning = false;
  private statusTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.initialized());
    c.onDidOpenTextDocument((params) => this.didOpen(params.textDocument));
    c.onDidChangeTextDocument((params) => this.didChange(params));
    c.onDidSaveTextDocument((params) => this.didSave(requireUri(params)));
    c.onDidCloseTextDocument((params) => this.didClose(requireUri(params)));
    c.onDidChangeConfiguration((params) => this.didChangeConfiguration(params?.settings));
    c.onDidChangeWatchedFiles((params) => this.didChangeWatchedFiles(params?.changes ?? []));
    c.onCodeAction((params) => this.codeActions(params));
    c.onHover((params) => this.hover(params));
    c.languages.diagnostics.on((params) => this.pullDiagnostics(params));
    c.onRequest(SCAN_WORKSPACE, () => this.scanWorkspace());
    c.onRequest(FIX_ALL, (params: FixAllParams) => this.fixAll(params));
    c.listen();
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  private async initialize(params: InitializeParams): Promise<InitializeResult> {
    await initEngine();
    this.support = clientSupport(params.capabilities ?? {});
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : params.rootPath ? [{ uri: pathToUri(params.rootPath), name: '' }] : []);
    this.roots = folders.filter((f) => isFileUri(f.uri)).map((f) => uriToPath(f.uri));
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial) this.globalSettings = normalizeSettings(initial);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        ...(this.support.pullDiagnostics ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'enclint', version: SERVER_VERSION },
    };
  }

  private initialized(): void {
    const c = this.connection;
    if (this.support.dynamicConfiguration) void c.client.register(DidChangeConfigurationNotification.type, { section: 'enclint' }).catch(() => undefined);
    if (this.support.dynamicWatchers) {
      void c.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
    if (this.support.workspaceFolders) {
      c.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        this.roots = [...this.roots.filter((r) => !removed.has(r)), ...event.added.filter((f) => isFileUri(f.uri)).map((f) => uriToPath(f.uri))];
        void this.scanWorkspace();
      });
    }
    void this.scanWorkspace();
  }

  // ---- settings and config ---------------------------------------------------------------------

  /** Settings for a document, per workspace-folder scope; pulled from the client when it can answer. */
  private settingsFor(uri: string | undefined): Promise<Settings> {
    if (!this.support.configurationRequest) return Promise.resolve(this.globalSettings);
    const scope = this.scopeOf(uri);
    let pending = this.settingsByScope.get(scope);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: scope || undefined, section: 'enclint' })
        .then(normalizeSettings, () => this.globalSettings)
        .then((settings) => {
          this.resolvedSettings.set(scope, settings);
          return settings;
        });
      this.settingsByScope.set(scope, pending);
    }
    return pending;
  }

  /** Settings already known without asking (to decide on-type vs on-save without waiting). */
  private knownSettings(uri: string): Settings | undefined {
    return this.support.configurationRequest ? this.resolvedSettings.get(this.scopeOf(uri)) : this.globalSettings;
  }

  private scopeOf(uri: string | undefined): string {
    if (!uri || !isFileUri(uri)) return '';
    const filePath = uriToPath(uri);
    const root = this.roots.filter((r) => filePath === r || filePath.startsWith(r + path.sep)).sort((a, b) => b.length - a.length)[0];
    return root ? pathToUri(root) : '';
  }

  /** The config for a file: `.enclint.yaml` applies only to files on disk (not untitled or virtual documents). */
  private effectiveConfig(filePath: string, settings: Settings, onDisk = true): { config: EnclintConfig; excluded: boolean } {
    if (!onDisk) return { config: applySettings(defaultConfig(), settings), excluded: false };
    const resolved = this.configs.resolve(path.isAbsolute(filePath) ? filePath : undefined);
    if (resolved.error) this.reportConfigError(resolved.config.configPath!, resolved.error.line, resolved.error.column, resolved.error.detail);
    else if (resolved.config.configPath) this.clearConfigError(resolved.config.configPath);
    const config = applySettings(resolved.config, settings);
    return { config, excluded: path.isAbsolute(filePath) && isExcluded(filePath, config, settings.exclude, this.roots) };
  }

  private reportConfigError(configPath: string, line: number, column: number, detail: string): void {
    const uri = pathToUri(configPath);
    const position = { line: Math.max(0, line - 1), character: Math.max(0, column - 1) };
    // Every analysis resolves the config: publish the error once, not on every keystroke.
    const key = `${line}:${column}:${detail}`;
    if (this.configErrorUris.get(uri) === key) return;
    this.configErrorUris.set(uri, key);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, severity: 1, source: SOURCE, code: 'config-error', message: `${detail} (the built-in defaults apply until this is fixed)` }],
    });
  }

  private clearConfigError(configPath: string): void {
    const uri = pathToUri(configPath);
    if (this.configErrorUris.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private didChangeConfiguration(settings: unknown): void {
    this.settingsByScope.clear();
    this.resolvedSettings.clear();
    if (!this.support.configurationRequest) {
      const section = (settings as { enclint?: unknown } | undefined)?.enclint;
      this.globalSettings = normalizeSettings(section);
    }
    this.configChanged();
  }

  /** Settings or a config file changed: everything is re-analysed with the new configuration. */
  private configChanged(): void {
    this.configGeneration++;
    this.reanalyzeOpenDocuments();
    void this.scanWorkspace();
  }

  private reanalyzeOpenDocuments(): void {
    if (this.support.pullDiagnostics) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const live of this.documents.all()) this.scheduler.schedule(live.uri);
  }

  // ---- open documents --------------------------------------------------------------------------

  private didOpen(textDocument: { uri?: unknown; languageId?: unknown; version?: unknown; text?: unknown } | undefined): void {
    if (!textDocument || typeof textDocument.uri !== 'string' || typeof textDocument.text !== 'string') return;
    const live = this.documents.open(textDocument.uri, String(textDocument.languageId ?? ''), Number(textDocument.version ?? 0), textDocument.text);
    this.publishedVersion.delete(live.uri);
    // The editor's copy now speaks for this file: drop what the workspace scan published for it.
    const scanned = this.diskResults.get(live.path);
    if (scanned) {
      this.diskResults.delete(live.path);
      if (scanned.uri !== live.uri || this.support.pullDiagnostics) void this.connection.sendDiagnostics({ uri: scanned.uri, diagnostics: [] });
    }
    if (!this.support.pullDiagnostics) this.scheduler.schedule(live.uri);
  }

  private didChange(params: { textDocument?: { uri?: unknown; version?: unknown }; contentChanges?: unknown }): void {
    const uri = params?.textDocument?.uri;
    const live = typeof uri === 'string' ? this.documents.get(uri) : undefined;
    if (!live || !Array.isArray(params.contentChanges)) return;
    const version = typeof params.textDocument?.version === 'number' ? params.textDocument.version : live.version + 1;
    live.applyChanges(params.contentChanges.filter((c) => c && typeof c.text === 'string'), version);
    if (this.support.pullDiagnostics) return; // the client pulls after each change
    if (this.knownSettings(live.uri)?.run === 'onSave') return;
    this.scheduler.schedule(live.uri);
  }

  /**
   * A variable's default changed in a.tf: findings in b.tf of the same module may change too. Only
   * then (the module signature moved) are the other open documents re-analysed or, for pull
   * clients, their cached results dropped so the next pull recomputes them.
   */
  private moduleChanged(live: LiveDocument, before: DocumentAnalysis | undefined, after: DocumentAnalysis): void {
    // No earlier analysis: the others were analysed against this file's disk text, which may differ.
    if (after.moduleSignature === undefined || (before && before.moduleSignature === after.moduleSignature)) return;
    this.invalidateModule(path.dirname(live.path), live);
  }

  /** Marks the open Terraform documents of a directory stale (push: re-analyse now; pull: on the next pull). */
  private invalidateModule(dir: string, except?: LiveDocument): void {
    for (const other of this.documents.all()) {
      if (other === except || !other.isTerraform || path.dirname(other.path) !== dir) continue;
      // Not dropping their analyses: each keeps its own signature, so this cannot ping-pong.
      this.staleByModule.add(other.uri);
      if (!this.support.pullDiagnostics) this.scheduler.schedule(other.uri);
    }
  }

  private didSave(uri: string): void {
    const live = this.documents.get(uri);
    if (!live) return;
    // Clients that do not watch files (many terminal editors) still tell us when the config is saved.
    if (CONFIG_FILE.test(live.path) && !this.support.dynamicWatchers) {
      this.configs.invalidate();
      this.configChanged();
      return;
    }
    if (this.support.pullDiagnostics) {
      if (this.knownSettings(uri)?.run === 'onSave') {
        this.staleByModule.add(uri);
        void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      }
      return;
    }
    this.scheduler.schedule(uri);
  }

  private didClose(uri: string): void {
    this.scheduler.cancel(uri);
    const live = this.documents.close(uri);
    this.files.closed(uri);
    this.analyses.delete(uri);
    this.staleByModule.delete(uri);
    this.publishedVersion.delete(uri);
    this.findingCounts.delete(uri);
    if (this.support.pullDiagnostics) {
      // Pull clients forget a closed document's diagnostics themselves.
    } else {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    // Back to what is on disk, as the workspace scan would report it.
    if (live && isFileUri(uri) && this.inWorkspace(live.path)) void this.scanFile(live.path);
    this.sendStatus();
  }

  private async runScheduled(uri: string, isCurrent: () => boolean): Promise<void> {
    const live = this.documents.get(uri);
    if (!live) return;
    const settings = await this.settingsFor(uri);
    // A newer edit (or a close) arrived while we waited: its own run will publish.
    if (!isCurrent() || this.documents.get(uri) !== live) return;
    const analysis = this.analyzeNow(live, settings);
    this.publish(live, analysis);
  }

  /** Analyses the document's current text synchronously, so nothing can change it mid-run. */
  private analyzeNow(live: LiveDocument, settings: Settings): DocumentAnalysis | undefined {
    const { config, excluded } = this.effectiveConfig(live.path, settings, live.onDisk);
    if (!settings.enable || excluded) {
      this.analyses.delete(live.uri);
      return undefined;
    }
    let analysis: DocumentAnalysis;
    const before = this.analyses.get(live.uri);
    try {
      analysis = this.analyzer.analyzeDocument(live, config, this.configGeneration);
    } catch (error) {
      this.connection.console.error(`enclint: analysis of ${live.uri} failed: ${(error as Error).stack ?? error}`);
      live.dropTree();
      return undefined;
    }
    this.analyses.set(live.uri, analysis);
    this.staleByModule.delete(live.uri);
    this.findingCounts.set(live.uri, countFindings(analysis.result));
    this.moduleChanged(live, before, analysis);
    return analysis;
  }

  /** The analysis of the document's current version, computed now if the cached one is stale. */
  private async currentAnalysis(uri: string): Promise<{ live: LiveDocument; analysis: DocumentAnalysis | undefined; settings: Settings } | undefined> {
    const live = this.documents.get(uri);
    if (!live) return undefined;
    const settings = await this.settingsFor(uri);
    if (this.documents.get(uri) !== live) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === live.version && cached.configGeneration === this.configGeneration && !this.staleByModule.has(uri)) return { live, analysis: cached, settings };
    return { live, analysis: this.analyzeNow(live, settings), settings };
  }

  private publish(live: LiveDocument, analysis: DocumentAnalysis | undefined): void {
    const version = analysis?.version ?? live.version;
    const last = this.publishedVersion.get(live.uri);
    if (last !== undefined && last > version) return;
    this.publishedVersion.set(live.uri, version);
    const diagnostics = analysis ? this.diagnosticsOf(analysis.uri, analysis.result, analysis.siblings, analysis.text) : [];
    if (!analysis) this.findingCounts.delete(live.uri);
    void this.connection.sendDiagnostics({ uri: live.uri, version, diagnostics });
    this.sendStatus();
  }

  private diagnosticsOf(uri: string, result: AnalysisResult, siblings: SourceFile[], text?: string): Diagnostic[] {
    return toDiagnostics(result, { uri, text, linesOf: (p) => siblings.find((s) => s.path === p)?.lines });
  }

  // ---- pull diagnostics, code actions, hover, fix all ------------------------------------------

  private async pullDiagnostics(params: { textDocument?: { uri?: unknown }; previousResultId?: string }): Promise<DocumentDiagnosticReport> {
    const uri = requireUri(params);
    const live = this.documents.get(uri);
    if (!live) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.settingsFor(uri);
    let analysis = this.analyses.get(uri);
    const onSaveAndKnown = settings.run === 'onSave' && analysis && analysis.configGeneration === this.configGeneration && !this.staleByModule.has(uri);
    if (!onSaveAndKnown) analysis = (await this.currentAnalysis(uri))?.analysis;
    if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, resultId: `off:${this.configGeneration}`, items: [] };
    const resultId = `${analysis.version}:${analysis.configGeneration}`;
    this.sendStatus();
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.diagnosticsOf(uri, analysis.result, analysis.siblings, analysis.text) };
  }

  private async codeActions(params: Parameters<Parameters<Connection['onCodeAction']>[0]>[0]) {
    const uri = requireUri(params);
    if (!params.range || !params.context || !Array.isArray(params.context.diagnostics ?? [])) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'params.range and params.context are required');
    }
    const current = await this.currentAnalysis(uri);
    if (!current?.analysis) return [];
    const { live, analysis } = current;
    return codeActions({
      params,
      document: live.document,
      languageId: live.languageId,
      analysis,
      fixAll: () => this.fixAllEdits(live).edits,
    });
  }

  private fixAllEdits(live: LiveDocument): { edits: LspTextEdit[]; fixed: number; remaining: number } {
    const settings = this.knownSettings(live.uri) ?? this.globalSettings;
    const { config } = this.effectiveConfig(live.path, settings, live.onDisk);
    const result = this.analyzer.fixAllDocument(live, config);
    return { edits: minimalEdit(live.document, result.text), fixed: result.applied, remaining: result.remaining.filter((f) => !f.suppression).length };
  }

  private async fixAll(params: FixAllParams): Promise<FixAllResponse> {
    const uri = requireUri(params);
    const current = await this.currentAnalysis(uri);
    if (!current) throw new ResponseError(ErrorCodes.InvalidParams, `document ${uri} is not open`);
    if (!current.analysis) return { version: current.live.version, edits: [], fixed: 0, remaining: 0 };
    return { version: current.live.version, ...this.fixAllEdits(current.live) };
  }

  private async hover(params: Parameters<Parameters<Connection['onHover']>[0]>[0]) {
    const uri = requireUri(params);
    const position = requirePosition(params);
    const current = await this.currentAnalysis(uri);
    return current?.analysis ? hover(current.analysis, position) : null;
  }

  // ---- workspace scan and watched files --------------------------------------------------------

  private inWorkspace(filePath: string): boolean {
    return this.roots.some((root) => filePath === root || filePath.startsWith(root + path.sep));
  }

  /** Scans every supported file of the workspace folders in the background; a new scan cancels the old one. */
  scanWorkspace(): Promise<ScanResult> {
    if (this.scan) this.scan.cancelled = true;
    const state = { cancelled: false, done: Promise.resolve<ScanResult>({ files: 0, findings: 0, cancelled: false }) };
    state.done = this.runScan(state);
    this.scan = state;
    return state.done;
  }

  private async runScan(state: { cancelled: boolean }): Promise<ScanResult> {
    const result: ScanResult = { files: 0, findings: 0, cancelled: false };
    if (!this.roots.length) return result;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('enclint', 0, 'Scanning workspace…', true);
    const isCancelled = () => state.cancelled || !!progress?.token.isCancellationRequested;
    this.scanning = true;
    this.sendStatus();
    const seen = new Set<string>();
    try {
      for (const root of this.roots) {
        for await (const filePath of supportedFiles(root, isCancelled)) {
          if (isCancelled()) break;
          seen.add(filePath);
          const findings = await this.scanFile(filePath);
          if (findings === undefined) continue;
          result.files++;
          result.findings += findings;
          if (result.files % 25 === 0) progress?.report(`${result.files} files, ${result.findings} findings`);
          // Let edits and requests in between files: the open document always comes first.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (!isCancelled()) {
        // Files that vanished since the last scan.
        for (const [filePath, scanned] of this.diskResults) {
          if (!seen.has(filePath)) {
            this.diskResults.delete(filePath);
            void this.connection.sendDiagnostics({ uri: scanned.uri, diagnostics: [] });
          }
        }
      }
    } finally {
      result.cancelled = isCancelled();
      progress?.done();
      if (this.scan === state || !this.scan) this.scanning = false;
      this.sendStatus();
    }
    return result;
  }

  /**
   * Analyses one file from disk and publishes its diagnostics unless the editor has it open.
   * Returns its finding count, or undefined when the file was not analysed (open, excluded, unreadable).
   */
  private async scanFile(filePath: string): Promise<number | undefined> {
    if (this.documents.byPath(filePath)) return undefined;
    const uri = pathToUri(filePath);
    const settings = await this.settingsFor(uri);
    if (this.documents.byPath(filePath)) return undefined;
    const { config, excluded } = this.effectiveConfig(filePath, settings);
    let diagnostics: Diagnostic[] = [];
    let findings: number | undefined;
    if (settings.enable && !excluded) {
      const read = this.files.readDisk(filePath, config.maxFileBytes);
      if (read.ok && read.file.kind) {
        try {
          const { result, siblings } = this.analyzer.analyzeFile(read.file, config);
          diagnostics = this.diagnosticsOf(uri, result, siblings, read.file.text);
          findings = countFindings(result);
        } catch (error) {
          this.connection.console.error(`enclint: scanning ${filePath} failed: ${(error as Error).message}`);
        }
      }
    }
    const before = this.diskResults.get(filePath);
    if (diagnostics.length || before) {
      if (diagnostics.length) this.diskResults.set(filePath, { uri, findings: findings ?? 0 });
      else this.diskResults.delete(filePath);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    return findings;
  }

  private didChangeWatchedFiles(changes: Array<{ uri?: unknown; type?: unknown }>): void {
    let configTouched = false;
    const dirs = new Set<string>();
    for (const change of changes) {
      if (!change || typeof change.uri !== 'string' || !isFileUri(change.uri)) continue;
      const filePath = uriToPath(change.uri);
      if (CONFIG_FILE.test(filePath)) {
        configTouched = true;
        continue;
      }
      this.files.forget(filePath);
      dirs.add(path.dirname(filePath));
      if (change.type === FileChangeType.Deleted) {
        const scanned = this.diskResults.get(filePath);
        this.diskResults.delete(filePath);
        if (scanned) void this.connection.sendDiagnostics({ uri: scanned.uri, diagnostics: [] });
      } else if (this.inWorkspace(filePath)) {
        void this.scanFile(filePath).then(() => this.sendStatus());
      }
    }
    if (configTouched) {
      this.configs.invalidate();
      this.configChanged();
      return;
    }
    // Module siblings: a changed variables.tf changes what main.tf resolves to.
    for (const [filePath] of this.diskResults) if (dirs.has(path.dirname(filePath)) && /\.tf$/i.test(filePath)) void this.scanFile(filePath);
    for (const dir of dirs) this.invalidateModule(dir);
    if (this.support.pullDiagnostics && [...dirs].length) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  // ---- status ----------------------------------------------------------------------------------

  /** Throttled: a scan of thousands of files sends a handful of updates, not thousands. */
  private sendStatus(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      let findings = 0;
      let files = 0;
      for (const count of this.findingCounts.values()) if (count) (findings += count), files++;
      for (const scanned of this.diskResults.values()) if (scanned.findings) (findings += scanned.findings), files++;
      const status: StatusParams = { state: this.scanning ? 'scanning' : 'idle', findings, files };
      void this.connection.sendNotification(STATUS, status);
    }, 50);
  }
}

function countFindings(result: AnalysisResult): number {
  return result.findings.filter((f) => !f.suppression).length;
}
