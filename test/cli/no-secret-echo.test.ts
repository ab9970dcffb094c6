// No output format may echo a secret: rules mask values in messages, and the formatters never print
// source text. The values are generated per run so no real-looking credential lives in the repo.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './run-cli';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomFrom = (alphabet: string, length: number) => [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');

describe('enclint scan never prints a secret', () => {
  const accessKey = `AKIA${randomFrom(ALPHABET, 16)}`;
  const secretKey = randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 40);
  const password = `Zq${randomFrom('abcdefghijkmnopqrstuvwxyz23456789', 14)}!7`;
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-secrets-'));
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      [
        'provider "aws" {',
        '  region     = "eu-west-1"',
        `  access_key = "${accessKey}"`,
        `  secret_key = "${secretKey}"`,
        '}',
        '',
        'resource "aws_db_instance" "orders" {',
        '  engine   = "postgres"',
        '  username = "orders"',
        `  password = "${password}"`,
        '}',
        '',
      ].join('\n'),
    );
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`in ${format} output`, async () => {
      const run = await runCli(['scan', dir, '--format', format, '--rule', 'plaintext-secret']);
      assert.equal(run.code, 1, `the secrets are found: ${run.stdout}`);
      const output = run.stdout + run.stderr;
      for (const secret of [accessKey, secretKey, password]) {
        assert.ok(!output.includes(secret), `${format} output contains a secret`);
        // Nor a long unmasked part of one.
        assert.ok(!output.includes(secret.slice(4, 16)), `${format} output contains part of a secret`);
      }
    });
  }
});
