#!/usr/bin/env node
// enclint command line: `enclint scan [paths…]`. The bundle (dist/cli.js) is built by
// `npm run build`, which `npm test` and `npm run demo` run first.
'use strict';
const args = process.argv.slice(2);
// `enclint --version` answers from package.json without loading the scanner (start-up matters to
// scripts and editors that probe the version).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
  return;
}
let cli;
try {
  cli = require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(error.message)) {
    console.error('enclint: dist/cli.js is missing; run "npm run build" first');
    process.exit(2);
  }
  throw error;
}
cli.run(args);
