import assert from 'node:assert/strict';
import { containsKnownToken, findTokens, type TokenKind } from '../../server/src/engine/secrets';

// Format-valid, obviously fake tokens (assembled so this file itself does not look like a leak to other scanners).
const fake = {
  awsKeyId: 'AKIA' + 'Z3X5EXAMPLE7Q2WV',
  awsDocKey: 'AKIA' + 'IOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY',
  github: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
  githubPat: 'github_pat_' + '11ABCDEFG0abcdefghijkl_' + 'mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh1',
  slack: 'xoxb-' + '123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx',
  slackHook: 'https://hooks.slack.com/services/' + 'T0ABC1234/B0DEF5678/' + 'aBcDeFgHiJkLmNoPqRsTuVwX',
  stripe: 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc',
  google: 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
  pem: '-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Ee4bEB8mkkwvv3Gx3bBBiYDpFGz\nq9ErDq7pmgTXRSPvMh3Z5yI7N0j1PGfbhFRNTb3YhaTqG6wVgmkA1Zl2a3Rp4gBK\n-----END RSA PRIVATE KEY-----',
};

function kinds(text: string): TokenKind[] {
  return findTokens(text).map((t) => t.kind);
}

describe('secrets: findTokens', () => {
  const cases: Array<[string, TokenKind]> = [
    [fake.awsKeyId, 'aws-access-key-id'],
    [fake.awsDocKey, 'aws-access-key-id'],
    [fake.github, 'github-token'],
    [fake.githubPat, 'github-token'],
    [fake.slack, 'slack-token'],
    [fake.slackHook, 'slack-webhook'],
    [fake.stripe, 'stripe-secret-key'],
    [fake.google, 'google-api-key'],
    [fake.pem, 'private-key'],
    [Buffer.from(fake.pem).toString('base64'), 'encoded-private-key'],
    ['postgres://app:' + 'S3cr3tPassw0rd@db.internal:5432/app', 'url-credentials'],
    ['sk-proj-' + 'a1B2c3D4e5F6g7H8i9J0' + 'T3BlbkFJ' + 'k1L2m3N4o5P6q7R8s9T0', 'openai-api-key'],
    ['hf_' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH', 'huggingface-token'],
    ['shpat_' + '0123456789abcdef0123456789abcdef', 'shopify-token'],
    ['dapi' + '0123456789abcdef0123456789abcdef', 'databricks-token'],
    ['dop_v1_' + '0123456789abcdef'.repeat(4), 'digitalocean-token'],
    ['abc8Q~' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456', 'azure-ad-client-secret'],
  ];
  for (const [text, kind] of cases) {
    it(`finds ${kind}`, () => assert.deepEqual(kinds(`value = "${text}"`), [kind]));
  }

  it('masks URLs down to their host', () => {
    const [token] = findTokens(fake.slackHook);
    assert.equal(token.masked, 'https://hooks.slack.com/************');
    assert.equal(findTokens(fake.github)[0].masked, 'ghp_************');
  });

  it('reports exact offsets of the secret', () => {
    const text = `export AWS_ACCESS_KEY_ID=${fake.awsKeyId}\n`;
    const [token] = findTokens(text);
    assert.equal(text.slice(token.start, token.end), fake.awsKeyId);
    assert.equal(token.value, fake.awsKeyId);
  });

  it('finds a 40-character AWS secret only next to a name saying so', () => {
    const [token] = findTokens(`aws_secret_access_key = "${fake.awsSecret}"`);
    assert.equal(token.kind, 'aws-secret-access-key');
    assert.equal(token.value, fake.awsSecret);
    assert.deepEqual(kinds(`checksum = "${fake.awsSecret}"`), []);
  });

  it('finds a private key written with JSON-escaped line breaks', () => {
    assert.deepEqual(kinds(JSON.stringify({ private_key: fake.pem })), ['private-key']);
  });

  for (const lookAlike of [
    'ghp_' + 'x'.repeat(36),
    'AKIA' + 'X'.repeat(16),
    'AKIA' + 'IOSFODNN7EXAMPLE' + 'TOO',
    '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    'xoxb-your-token-here',
    'postgres://user:${var.password}@host/db',
    'postgres://user:<password>@host/db',
    'postgres://user:{password}@host/db',
    'postgres://%s:%s@host/db',
    'https://user:password@example.com',
    'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'the word secret and a PRIVATE KEY mention',
  ]) {
    it(`ignores look-alike ${JSON.stringify(lookAlike.slice(0, 40))}`, () => assert.deepEqual(kinds(lookAlike), []));
  }

  it('returns non-overlapping matches in order', () => {
    const tokens = findTokens(`a=${fake.github}\nb=${fake.awsKeyId}`);
    assert.deepEqual(tokens.map((t) => t.kind), ['github-token', 'aws-access-key-id']);
    assert.equal(containsKnownToken(fake.stripe), true);
    assert.equal(containsKnownToken('hunter2'), false);
  });
});

describe('secrets: detectors stay linear on adversarial input', () => {
  // Not a timing assertion: each input would take minutes with a backtracking-prone pattern.
  for (const [name, text] of [
    ['a megabyte of eyJ', 'eyJ'.repeat(350_000)],
    ['unterminated key blocks', ('-----BEGIN RSA ' + 'PRIVATE KEY-----' + ' '.repeat(10)).repeat(20_000)],
    ['one long identifier', 'A'.repeat(2_000_000)],
    ['Slack-like run', 'xoxb-1-'.repeat(100_000)],
  ] as const) {
    it(name, () => assert.deepEqual(findTokens(text), []));
  }
});
