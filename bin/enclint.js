#!/usr/bin/env node
// enclint command line: `enclint scan [paths…]`. The bundle (dist/cli.js) is built by
// `npm run build`, which `npm test` and `npm run demo` run first.
'use strict';
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
cli.run(process.argv.slice(2));
