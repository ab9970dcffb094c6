// enclint language server entry point. Transport comes from the command line, as every LSP client
// expects: `--stdio` (Neovim, Helix, Emacs, …) or `--node-ipc` (VS Code, which starts dist/server.js).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { EnclintLanguageServer } from './lsp/languageServer';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one response, never the server: the editor keeps its squiggles and the next request works.
process.on('uncaughtException', (error) => connection.console.error(`enclint: unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`enclint: unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

new EnclintLanguageServer(connection).listen();
