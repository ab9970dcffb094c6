#!/usr/bin/env node
// enclint language server for any LSP client: `enclint-lsp --stdio`.
// Without a transport flag it speaks over stdio, which is what most editors configure.
'use strict';
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  console.log(require('../package.json').version);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: enclint-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\nStarts the enclint language server (default transport: --stdio).');
  process.exit(0);
}
if (!args.some((arg) => /^--(stdio|node-ipc|socket=|pipe=)/.test(arg))) process.argv.push('--stdio');
require('../dist/server.js');
