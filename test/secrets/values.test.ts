import assert from 'node:assert/strict';
import { isHighEntropy, isPlaceholder, isSecretReference, looksLikeSecretValue, maskSecret, shannonEntropy } from '../../server/src/engine/secrets';

describe('secrets: values', () => {
  it('measures entropy in bits per character', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });

  for (const value of ['', '   ', '<password>', '<your-token>', '${var.db_password}', 'pre${local.x}post', '{{ .Values.password }}', '{{resolve:secretsmanager:db:SecretString:password}}',
    '$DB_PASSWORD', '$(TOKEN)', '%TOKEN%', 'xxxx', '********', 'REDACTED', 'replace-me', 'your_password', 'true', 'None']) {
    it(`${JSON.stringify(value)} is a placeholder`, () => assert.equal(isPlaceholder(value), true));
  }

  for (const value of ['changeme', 'Sup3rS3cret!', 'hunter2', 'P@ssw0rd', 'AKIA' + 'IOSFODNN7EXAMPLE']) {
    it(`${JSON.stringify(value)} is not a placeholder`, () => assert.equal(isPlaceholder(value), false));
  }

  it('recognises references to secret stores', () => {
    assert.equal(isSecretReference('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'), true);
    assert.equal(isSecretReference('@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/db/)'), true);
    assert.equal(isSecretReference('/prod/db/password'), true);
    assert.equal(isSecretReference('projects/p/secrets/db/versions/latest'), true);
    assert.equal(isSecretReference('hunter2'), false);
  });

  it('judges literals for secret-named fields', () => {
    assert.equal(looksLikeSecretValue('Sup3rS3cret!'), true);
    assert.equal(looksLikeSecretValue('${var.pw}'), false);
    assert.equal(looksLikeSecretValue('abc', { minLength: 6 }), false);
  });

  it('tells random text from words', () => {
    assert.equal(isHighEntropy('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), true);
    assert.equal(isHighEntropy('3f7a9c0b1d2e4f5061728394a5b6c7d8'), true);
    assert.equal(isHighEntropy('this is a sentence'), false);
    assert.equal(isHighEntropy('aaaaaaaaaaaaaaaaaaaa'), false);
  });

  it('masks secrets, keeping only a short prefix', () => {
    const masked = maskSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    assert.equal(masked.startsWith('wJal'), true);
    assert.equal(masked.includes('MDENG'), false);
  });
});
