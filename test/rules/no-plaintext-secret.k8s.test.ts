import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { ruleTester } from '../support/rule-tester';

ruleTester(noPlaintextSecret, {
  valid: [
    { name: 'Secret with placeholders from a templating tool', path: 'secret.yaml', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: "{{ .Values.db.password }}"\n  username: app\n' },
    { name: 'env from a secretKeyRef', path: 'deploy.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n' },
    { name: 'compose reading the environment', path: 'docker-compose.yml', code: 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n      - POSTGRES_PASSWORD_FILE=/run/secrets/db\n  api:\n    environment:\n      JWT_SECRET: ${JWT_SECRET:?required}\n' },
    { name: 'GitHub Actions permissions and secrets context', path: '.github/workflows/ci.yml', code: 'on: push\npermissions:\n  id-token: write\njobs:\n  x:\n    steps:\n      - env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n' },
    { name: 'kubeconfig JSONPath templates', path: 'kubeconfig.yaml', code: "users:\n- name: gcp\n  user:\n    auth-provider:\n      config:\n        token-key: '{.credential.access_token}'\n" },
    { name: 'ExternalSecret naming the key of a secret', path: 'external-secret.yaml', code: 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  data:\n    - secretKey: password\n      remoteRef: { key: orders/db, property: password }\n' },
    { name: 'Ansible vault-encrypted value', path: 'vars.yml', code: 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n' },
  ],
  invalid: [
    {
      name: 'Kubernetes Secret stringData and base64 data',
      path: 'secret.yaml',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  username: app\n  password: "root"\ndata:\n  api-token: aHVudGVyMmh1bnRlcjI=\n',
      errors: [
        { message: 'Kubernetes Secret db holds stringData.password in plaintext (****)', line: 7 },
        { message: 'holds data.api-token as base64 — an encoding anyone can reverse, not encryption', line: 9 },
      ],
      output: null,
    },
    {
      name: 'container env name/value',
      path: 'pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: app\n    env:\n    - name: DB_PASS\n      value: "passx"\n',
      errors: [{ message: 'Environment variable DB_PASS is set to a literal secret', line: 8 }],
    },
    {
      name: 'compose list and map form: unsafe fix swaps in ${VAR}',
      path: 'docker-compose.yml',
      code: 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=postgres\n  api:\n    environment:\n      JWT_SECRET: "abc123def456"\n',
      errors: [{ message: 'POSTGRES_PASSWORD', line: 4 }, { message: 'JWT_SECRET', line: 7 }],
      output: null,
      fixes: [{ title: 'Read POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD})', safe: false, output: 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n  api:\n    environment:\n      JWT_SECRET: "abc123def456"\n' }],
    },
    {
      name: 'secret-named keys in other YAML (Ansible vars, {value} wrappers), every document of a stream',
      path: 'vars.yml',
      code: '- hosts: all\n  vars:\n    mysql_root_password: root\n---\nproperties:\n  proxy-password:\n    value: testpwd\n    encoded: false\n',
      errors: [{ line: 3 }, { line: 7 }],
    },
  ],
});
