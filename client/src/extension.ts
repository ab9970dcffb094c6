// The VS Code side of enclint, kept thin on purpose (like vscode-eslint's client): start the bundled
// language server over IPC, show a status bar item, offer three commands. Everything else — findings,
// fixes, hover, settings handling, the workspace scan — happens in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FIX_ALL, SCAN_WORKSPACE, STATUS, type FixAllResponse, type ScanResult, type StatusParams } from '../../server/src/lsp/protocol';

/** Languages enclint analyses; any scheme, so untitled buffers and virtual workspaces work too. */
export const LANGUAGES = ['terraform', 'terraform-vars', 'hcl', 'json', 'jsonc', 'yaml', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'dotenv'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('enclint', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...LANGUAGES.map((language) => ({ language })), { scheme: 'file', pattern: '**/.env{,.*}' }, { scheme: 'file', pattern: '**/*.tf' }, { scheme: 'file', pattern: '**/*.tfvars' }],
    // The server pulls `enclint.*` per folder with workspace/configuration; this tells it when to re-pull.
    synchronize: { configurationSection: 'enclint' },
    outputChannel,
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('enclint', 'enclint', serverOptions, clientOptions);

  const status = new StatusBar();
  context.subscriptions.push(outputChannel, status);
  context.subscriptions.push(client.onNotification(STATUS, (params: StatusParams) => status.update(params)));

  context.subscriptions.push(
    vscode.commands.registerCommand('enclint.scanWorkspace', async () => {
      if (!client) return;
      status.update({ state: 'scanning', findings: status.findings, files: status.files });
      const result = await client.sendRequest<ScanResult>(SCAN_WORKSPACE);
      if (!result.cancelled) void vscode.window.setStatusBarMessage(`enclint: scanned ${result.files} files, ${result.findings} findings`, 5000);
    }),
    vscode.commands.registerCommand('enclint.fixAllInFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) return;
      const document = editor.document;
      const response = await client.sendRequest<FixAllResponse>(FIX_ALL, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
      if (response.version !== document.version) {
        void vscode.window.showWarningMessage('enclint: the file changed while computing fixes; run "Fix All in File" again.');
        return;
      }
      if (!response.edits.length) {
        void vscode.window.setStatusBarMessage('enclint: nothing to fix automatically in this file', 4000);
        return;
      }
      const edits = await client.protocol2CodeConverter.asTextEdits(response.edits);
      await editor.edit((builder) => {
        for (const edit of edits ?? []) builder.replace(edit.range, edit.newText);
      });
    }),
    vscode.commands.registerCommand('enclint.showOutput', () => client?.outputChannel.show()),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Finding count and state (idle / scanning); a click opens the Problems view. */
class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('enclint.status', vscode.StatusBarAlignment.Right, 100);
  findings = 0;
  files = 0;

  constructor() {
    this.item.name = 'enclint';
    this.item.command = 'workbench.actions.view.problems';
    this.update({ state: 'idle', findings: 0, files: 0 });
    this.item.show();
  }

  update(params: StatusParams): void {
    this.findings = params.findings;
    this.files = params.files;
    const icon = params.state === 'scanning' ? '$(sync~spin)' : params.findings ? '$(shield)' : '$(check)';
    this.item.text = `${icon} enclint${params.findings ? `: ${params.findings}` : ''}`;
    this.item.tooltip =
      params.state === 'scanning'
        ? `enclint is scanning the workspace… (${params.findings} findings so far)`
        : params.findings
          ? `enclint: ${params.findings} finding${params.findings === 1 ? '' : 's'} in ${params.files} file${params.files === 1 ? '' : 's'} — click for Problems`
          : 'enclint: no findings';
  }

  dispose(): void {
    this.item.dispose();
  }
}
