import * as assert from 'node:assert/strict';
import { parseDotenvText } from '../../server/src/engine/dotenv/parse';
import { configSecretCandidates } from '../../server/src/engine/yaml/secret-candidates';
import { parseYamlText } from '../../server/src/engine/yaml/parse';

function candidates(text: string) {
  return parseYamlText(text).documents.flatMap((d) => configSecretCandidates(d)).map((c) => ({ name: c.name, value: c.value, shape: c.shape, at: text.slice(c.valueSpan.start, c.valueSpan.end) }));
}

describe('dotenv tokenizer', () => {
  it('reads export, quotes, comments, multi-line double quotes and CRLF with exact value spans', () => {
    const text = "# c\nexport DB_PASSWORD=hunter2 # note\nAPI_KEY='a#b'\r\nMULTI=\"line1\\nx\nline2\"\nEMPTY=\nBAD LINE\nURL=http://x#y\n";
    const { entries, invalidLines } = parseDotenvText(text);
    assert.deepEqual(
      entries.map((e) => [e.key, e.value, text.slice(e.valueSpan.start, e.valueSpan.end)]),
      [
        ['DB_PASSWORD', 'hunter2', 'hunter2'],
        ['API_KEY', 'a#b', "'a#b'"],
        ['MULTI', 'line1\nx\nline2', '"line1\\nx\nline2"'],
        ['EMPTY', '', ''],
        ['URL', 'http://x#y', 'http://x#y'],
      ],
    );
    assert.deepEqual(invalidLines.map((s) => text.slice(s.start, s.end)), ['BAD LINE']);
  });
});

describe('YAML configuration secret candidates', () => {
  it('Kubernetes Secret: stringData as written, data base64-decoded', () => {
    const found = candidates('apiVersion: v1\nkind: Secret\nstringData:\n  password: "root"\ndata:\n  token: aHVudGVyMg==\n  bin: //79/A==\n');
    assert.deepEqual(found, [
      { name: 'password', value: 'root', shape: 'k8s-secret-string', at: '"root"' },
      { name: 'token', value: 'hunter2', shape: 'k8s-secret-data', at: 'aHVudGVyMg==' },
    ]);
  });

  it('container env name/value pairs, compose environment in list and map form, {value} wrappers', () => {
    const found = candidates(
      'spec:\n  containers:\n    - env:\n        - name: DB_PASS\n          value: "passx"\n        - name: FROM_SECRET\n          valueFrom: { secretKeyRef: { name: s, key: k } }\n' +
        '---\nservices:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=postgres\n      - "QUOTED=x y"\n  api:\n    environment:\n      JWT_SECRET: abc\n' +
        '---\nproperties:\n  proxy-password:\n    value: testpwd\n    encoded: false\n',
    );
    assert.deepEqual(found, [
      { name: 'DB_PASS', value: 'passx', shape: 'name-value', at: '"passx"' },
      // Judged later by name: `key` is not secret-like, but the candidate list is shape-only.
      { name: 'key', value: 'k', shape: 'mapping', at: 'k' },
      { name: 'POSTGRES_PASSWORD', value: 'postgres', shape: 'compose-environment', at: 'postgres' },
      // Double-quoted items may hold escapes: the whole scalar is the span.
      { name: 'QUOTED', value: 'x y', shape: 'compose-environment', at: '"QUOTED=x y"' },
      { name: 'JWT_SECRET', value: 'abc', shape: 'compose-environment', at: 'abc' },
      { name: 'proxy-password', value: 'testpwd', shape: 'mapping', at: 'testpwd' },
    ]);
  });

  it('plain mappings anywhere, but not tagged values', () => {
    const found = candidates('- hosts: all\n  vars:\n    twilio_api_key: SKa7\n    other: !vault |\n      $ANSIBLE_VAULT;1.1;AES256\n');
    assert.deepEqual(found.map((f) => f.name), ['hosts', 'twilio_api_key']);
  });
});
