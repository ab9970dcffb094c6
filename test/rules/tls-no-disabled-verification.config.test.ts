// tls-no-disabled-verification in configuration: .env, docker-compose, Kubernetes, kubeconfig-style
// keys, JSON configs and CloudFormation Lambda environments.
import { tlsNoDisabledVerification } from '../../rules/transport-encryption/tls-no-disabled-verification';
import { ruleTester } from '../support/rule-tester';

ruleTester(tlsNoDisabledVerification, {
  valid: [
    { name: '.env with verification on', path: '.env', code: 'NODE_TLS_REJECT_UNAUTHORIZED=1\nPYTHONHTTPSVERIFY=1\n' },
    { name: 'compose without switches', path: 'docker-compose.yml', code: 'services:\n  app:\n    environment:\n      - NODE_ENV=production\n' },
    { name: 'skip flag false', path: 'prometheus.yml', code: 'scrape_configs:\n  - job_name: api\n    tls_config:\n      insecure_skip_verify: false\n' },
    { name: 'unrelated verify key', path: 'config.json', code: '{ "verify": false, "ssl": true }\n' },
  ],
  invalid: [
    {
      name: '.env switch',
      path: '.env',
      code: 'API_URL=https://api.internal\nNODE_TLS_REJECT_UNAUTHORIZED="0"\n',
      errors: [{ message: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate verification for every TLS connection of a Node.js process', line: 2 }],
      output: 'API_URL=https://api.internal\nNODE_TLS_REJECT_UNAUTHORIZED="1"\n',
    },
    {
      name: 'compose list and map environments',
      path: 'docker-compose.yml',
      code: 'services:\n  web:\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=0\n  worker:\n    environment:\n      PYTHONHTTPSVERIFY: "0"\n',
      errors: [{ line: 4 }, { message: 'PYTHONHTTPSVERIFY=0', line: 7 }],
      output: 'services:\n  web:\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=1\n  worker:\n    environment:\n      PYTHONHTTPSVERIFY: "1"\n',
    },
    {
      name: 'Kubernetes container env',
      path: 'deployment.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: NODE_TLS_REJECT_UNAUTHORIZED\n              value: "0"\n',
      errors: [{ line: 9 }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: NODE_TLS_REJECT_UNAUTHORIZED\n              value: "1"\n',
    },
    {
      name: 'skip-verify keys in YAML configs',
      path: 'kubeconfig.yaml',
      code: 'clusters:\n  - cluster:\n      server: https://k8s.example.com\n      insecure-skip-tls-verify: true\n',
      errors: [{ message: 'insecure-skip-tls-verify: true turns off TLS certificate verification', line: 4 }],
      output: 'clusters:\n  - cluster:\n      server: https://k8s.example.com\n      insecure-skip-tls-verify: false\n',
    },
    {
      name: 'Ansible validate_certs',
      path: 'playbook.yml',
      code: '- hosts: all\n  tasks:\n    - uri:\n        url: https://example.com\n        validate_certs: no\n',
      errors: 1,
    },
    {
      name: 'JSON config (Grafana datasource)',
      path: 'datasource.json',
      code: '{\n  "jsonData": { "tlsSkipVerify": true }\n}\n',
      errors: 1,
      output: '{\n  "jsonData": { "tlsSkipVerify": false }\n}\n',
    },
    {
      name: 'CloudFormation Lambda environment',
      path: 'template.yaml',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          NODE_TLS_REJECT_UNAUTHORIZED: '0'\n",
      errors: [{ line: 8 }],
      output: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          NODE_TLS_REJECT_UNAUTHORIZED: '1'\n",
    },
  ],
});
