// no-plaintext-secret in application code: JS/TS (AST), Python, Go and Java (tokens).
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/engine';
import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { environmentName } from '../../rules/plaintext-secret/sources/no-plaintext-secret.app';
import { ruleTester } from '../support/rule-tester';

describe('environmentName', () => {
  it('turns code names into environment variable names', () => {
    assert.equal(environmentName('dbPassword'), 'DB_PASSWORD');
    assert.equal(environmentName('db.password'), 'DB_PASSWORD');
    assert.equal(environmentName('APIKey'), 'API_KEY');
    assert.equal(environmentName('client_secret'), 'CLIENT_SECRET');
  });
});

describe('no-plaintext-secret fixes that do not exist', () => {
  it('offers no fix for a const (a function call is not a constant expression)', () => {
    const result = analyze({ path: 'main.go', text: 'package main\nimport "os"\nconst apiToken = "t-1a2b3c4d5e6f"\n' }, { rules: [noPlaintextSecret] });
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.findings[0].fixes, []);
  });
  it('offers no fix for a secret written into process.env (no lookup to swap in)', () => {
    const result = analyze({ path: 'boot.js', text: "process.env.DB_PASSWORD = 'Passw0rd!';\n" }, { rules: [noPlaintextSecret] });
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.findings[0].fixes, []);
  });
});

ruleTester(noPlaintextSecret, {
  valid: [
    { name: 'js: from the environment', path: 'db.ts', code: 'const dbPassword = process.env.DB_PASSWORD;\n' },
    { name: 'js: a prompt, not a secret', path: 'ui.ts', code: "const passwordPrompt = 'Enter your password';\nconst PASSWORD_FIELD = 'password';\n" },
    { name: 'js: placeholders', path: 'cfg.js', code: "const config = { apiKey: '<your-api-key>', token: '', password: '${DB_PASSWORD}' };\n" },
    { name: 'js: a token endpoint URL', path: 'auth.ts', code: "const tokenUrl = 'https://auth.example.com/oauth/token';\n" },
    { name: 'js: a type annotation and a comparison', path: 'auth.ts', code: "function check(password: string) { return password === 'x'; }\n" },
    { name: 'python: env lookups and comments', path: 'client.py', code: 'import os\n# password = "hunter2hunter2"\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n' },
    { name: 'python: docstring mentioning a password', path: 'client.py', code: 'def f():\n    """password = "hunter2hunter2" is bad"""\n' },
    { name: 'python: dict key lookups', path: 'client.py', code: 'pw = settings["password"]\n' },
    { name: 'go: from the environment', path: 'main.go', code: 'package main\nimport "os"\nvar password = os.Getenv("DB_PASSWORD")\n' },
    { name: 'java: from the environment', path: 'App.java', code: 'class A { String password = System.getenv("DB_PASSWORD"); }\n' },
  ],
  invalid: [
    {
      name: 'js: const with a literal',
      path: 'db.ts',
      code: "import { Client } from 'pg';\nconst dbPassword = 'S3cr3t-Passw0rd';\n",
      errors: [{ message: '"dbPassword" is a plaintext secret ("S3***', line: 2 }],
      output: null,
      fixes: [{ title: 'Read DB_PASSWORD from the environment (process.env.DB_PASSWORD)', safe: false, output: "import { Client } from 'pg';\nconst dbPassword = process.env.DB_PASSWORD;\n" }],
    },
    {
      name: 'js: object property, class field, default parameter, assignment',
      path: 'service.ts',
      code: "const cfg = { clientSecret: 'a1b2c3d4e5f6g7h8' };\nclass Api { private apiKey = 'k-8f7e6d5c4b3a'; }\nfunction connect(password = 'hunter2!') {}\nconfig.authToken = 'tok_9a8b7c6d5e';\n",
      errors: [{ line: 1 }, { line: 2 }, { line: 3 }, { line: 4 }],
    },
    {
      name: 'js: writing a secret into process.env has no env-lookup fix',
      path: 'boot.js',
      code: "process.env.DB_PASSWORD = 'Passw0rd!';\n",
      errors: [{ message: '"DB_PASSWORD"' }],
      output: null,
    },
    {
      name: 'python: module constant, keyword argument and dict entry',
      path: 'client.py',
      code: 'import requests\n\nAPI_KEY = "a1b2c3d4e5f6g7h8"\nconn = psycopg2.connect(host="db", password="Passw0rd!")\nheaders = {"x-api-key": "k-8f7e6d5c4b3a"}\n',
      errors: [{ message: '"API_KEY"', line: 3 }, { message: '"password"', line: 4 }, { message: '"x-api-key"', line: 5 }],
      fixes: [{ title: 'Read API_KEY from the environment (os.environ["API_KEY"])', output: 'import os\nimport requests\n\nAPI_KEY = os.environ["API_KEY"]\nconn = psycopg2.connect(host="db", password="Passw0rd!")\nheaders = {"x-api-key": "k-8f7e6d5c4b3a"}\n' }],
    },
    {
      name: 'python: annotated and single-quoted, os already imported',
      path: 'settings.py',
      code: "import os\nsecret_key: str = 'django-insecure-4x9k2m7q'\n",
      errors: 1,
      fixes: [{ title: /os\.environ\['SECRET_KEY'\]/, output: "import os\nsecret_key: str = os.environ['SECRET_KEY']\n" }],
    },
    {
      name: 'python: basic-auth pairs and environment assignment',
      path: 'client.py',
      code: 'import os\nrequests.get(url, auth=("svc", "Passw0rd!"))\nsession.auth = HTTPBasicAuth("svc", "Passw0rd!")\nos.environ["API_TOKEN"] = "t-1a2b3c4d5e6f"\n',
      errors: [{ message: '"password"', line: 2 }, { message: '"password"', line: 3 }, { message: '"API_TOKEN"', line: 4 }],
    },
    {
      name: 'java: JDBC password argument',
      path: 'Db.java',
      code: 'class Db { Connection c() throws Exception { return DriverManager.getConnection(url, "app", "Passw0rd!"); } }\n',
      errors: [{ message: '"password"' }],
      fixes: [{ title: /System\.getenv\("PASSWORD"\)/, output: 'class Db { Connection c() throws Exception { return DriverManager.getConnection(url, "app", System.getenv("PASSWORD")); } }\n' }],
    },
    {
      name: 'go: short declaration and struct field',
      path: 'main.go',
      code: 'package main\n\nimport (\n\t"fmt"\n)\n\nfunc main() {\n\tpassword := "Passw0rd!"\n\tcfg := Config{APIKey: "k-8f7e6d5c4b3a"}\n\tfmt.Println(password, cfg)\n}\n',
      errors: [{ message: '"password"', line: 8 }, { message: '"APIKey"', line: 9 }],
      fixes: [{ title: 'Read PASSWORD from the environment (os.Getenv("PASSWORD"))', output: 'package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nfunc main() {\n\tpassword := os.Getenv("PASSWORD")\n\tcfg := Config{APIKey: "k-8f7e6d5c4b3a"}\n\tfmt.Println(password, cfg)\n}\n' }],
    },
    {
      name: 'go: const gets no fix',
      path: 'main.go',
      code: 'package main\nconst apiToken = "t-1a2b3c4d5e6f"\n',
      errors: 1,
      output: null,
    },
    {
      name: 'java: field, setter and properties',
      path: 'Db.java',
      code: 'class Db {\n  private static final String DB_PASSWORD = "Passw0rd!";\n  void f() {\n    ds.setPassword("Passw0rd!");\n    props.put("mail.smtp.password", "Passw0rd!");\n  }\n}\n',
      errors: [{ line: 2 }, { message: '"Password"', line: 4 }, { message: '"mail.smtp.password"', line: 5 }],
      fixes: [{ title: 'Read DB_PASSWORD from the environment (System.getenv("DB_PASSWORD"))', output: 'class Db {\n  private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");\n  void f() {\n    ds.setPassword("Passw0rd!");\n    props.put("mail.smtp.password", "Passw0rd!");\n  }\n}\n' }],
    },
  ],
});
