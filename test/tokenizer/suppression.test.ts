// Inline suppressions work in every application language with its own comment syntax.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/engine';

const cases: Array<[string, string]> = [
  ['client.py', '# enclint-disable-next-line tls-no-disabled-verification -- test double with a self-signed cert\nrequests.get(url, verify=False)\n'],
  ['client.go', 'package main\n// enclint-disable-next-line tls-no-disabled-verification -- local dev proxy\nvar c = &tls.Config{InsecureSkipVerify: true}\n'],
  ['Client.java', 'class C {\n  // enclint-disable-next-line tls-min-version -- legacy partner, ticket SEC-42\n  SSLContext c = SSLContext.getInstance("TLSv1");\n}\n'],
  ['client.ts', "tls.connect({ host, rejectUnauthorized: false }); // enclint-disable-line tls-no-disabled-verification -- mock server\n"],
];

describe('suppressions in application code', () => {
  for (const [path, text] of cases) {
    it(`${path}: the finding is kept but marked suppressed with its reason`, () => {
      const result = analyze({ path, text });
      assert.equal(result.findings.length, 1);
      assert.ok(result.findings[0].suppression, 'suppressed');
      assert.ok(result.findings[0].suppression!.justification.length > 5);
    });
  }
});
