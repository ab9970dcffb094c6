import assert from 'node:assert/strict';
import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { analyze } from '../../server/src/engine/engine';
import { ruleTester, type InvalidCase } from '../support/rule-tester';

const VAR_FIX = /^Replace the literal with var\./;

const invalid: InvalidCase[] = [
  {
    name: 'RDS password: manage_master_user_password preferred, sensitive variable as alternative',
    code: 'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  password = "Sup3rS3cret!"\n}\n',
    errors: [{ message: 'aws_db_instance.main: password is a plaintext secret ("Su**********")', line: 3 }],
    output: null,
    fixes: [
      {
        title: /manage_master_user_password = true/,
        safe: false,
        output: 'resource "aws_db_instance" "main" {\n  engine                      = "postgres"\n  manage_master_user_password = true\n}\n',
      },
      {
        title: VAR_FIX,
        safe: false,
        output:
          'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  password = var.main_password\n}\n\nvariable "main_password" {\n  type      = string\n  sensitive = true\n}\n',
      },
    ],
  },
  {
    name: 'Aurora master_password',
    code: 'resource "aws_rds_cluster" "db" {\n  master_username = "admin"\n  master_password = "correct-horse-battery"\n}\n',
    errors: [{ message: 'master_password is a plaintext secret', line: 3 }],
    fixes: [{ title: /manage_master_user_password/, output: 'resource "aws_rds_cluster" "db" {\n  master_username = "admin"\n  manage_master_user_password = true\n}\n' }],
  },
  {
    name: 'RDS fix in a group aligned wider than the new name keeps the column',
    code: 'resource "aws_db_instance" "main" {\n  engine                        = "postgres"\n  password                      = "Sup3rS3cret!"\n  performance_insights_enabled  = true\n}\n',
    errors: [{ line: 3 }],
    fixes: [
      {
        title: /manage_master_user_password/,
        output: 'resource "aws_db_instance" "main" {\n  engine                        = "postgres"\n  manage_master_user_password   = true\n  performance_insights_enabled  = true\n}\n',
      },
    ],
  },
  {
    name: 'provider credentials (non-token secret_key), CRLF kept by the fix',
    code: 'provider "aws" {\r\n  region     = "us-east-1"\r\n  secret_key = "hunter2hunter2"\r\n}\r\n',
    errors: [{ message: 'provider "aws": secret_key is a plaintext secret', line: 3 }],
    fixes: [
      {
        title: 'Replace the literal with var.aws_secret_key (a new sensitive variable)',
        output: 'provider "aws" {\r\n  region     = "us-east-1"\r\n  secret_key = var.aws_secret_key\r\n}\r\n\r\nvariable "aws_secret_key" {\r\n  type      = string\r\n  sensitive = true\r\n}\r\n',
      },
    ],
  },
  {
    name: 'Azure administrator_login_password',
    code: 'resource "azurerm_mssql_server" "sql" {\n  administrator_login          = "sqladmin"\n  administrator_login_password = "Aa12345678"\n}\n',
    errors: [{ message: 'administrator_login_password is a plaintext secret ("Aa********")', line: 3 }],
  },
  {
    name: 'nested block attribute (auth0 options.client_secret)',
    code: 'resource "auth0_connection" "google" {\n  options {\n    client_secret = "F-oS9Su%}<>[];#"\n  }\n}\n',
    errors: [{ message: 'auth0_connection.google: client_secret', line: 3 }],
  },
  {
    name: 'Lambda environment variable, fix replaces the map value',
    code: 'resource "aws_lambda_function" "api" {\n  environment {\n    variables = {\n      DB_HOST     = "db.internal"\n      DB_PASSWORD = "pwd_jsuwauJk212"\n    }\n  }\n}\n',
    errors: [{ message: 'aws_lambda_function.api: "DB_PASSWORD" in variables is a plaintext secret ("pw************")', line: 5 }],
    fixes: [
      {
        title: VAR_FIX,
        output:
          'resource "aws_lambda_function" "api" {\n  environment {\n    variables = {\n      DB_HOST     = "db.internal"\n      DB_PASSWORD = var.api_db_password\n    }\n  }\n}\n\nvariable "api_db_password" {\n  type      = string\n  sensitive = true\n}\n',
      },
    ],
  },
  {
    name: 'App Service app_settings',
    code: 'resource "azurerm_linux_web_app" "web" {\n  app_settings = {\n    "STRIPE_API_KEY" = "3gzcGokilvtw2HmCLuPx"\n  }\n}\n',
    errors: [{ message: '"STRIPE_API_KEY" in app_settings', line: 3 }],
  },
  {
    name: 'ECS container definitions in jsonencode: name/value pair',
    code: 'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name = "app"\n    environment = [\n      { name = "LOG_LEVEL", value = "info" },\n      { name = "DB_PASSWORD", value = "abcd1234xyz" },\n    ]\n  }])\n}\n',
    errors: [{ message: 'container_definitions entry "DB_PASSWORD"', line: 6 }],
  },
  {
    name: 'ECS container definitions in a JSON heredoc',
    code: 'resource "aws_ecs_task_definition" "app" {\n  container_definitions = <<EOF\n[\n  {\n    "name": "app",\n    "environment": [\n      {"name": "API_TOKEN", "value": "we2323232g3hg2h3g2h3"}\n    ]\n  }\n]\nEOF\n}\n',
    errors: [{ message: 'container_definitions entry "API_TOKEN" is a plaintext secret ("we23************")', line: 7 }],
  },
  {
    name: 'variable with a secret-like name and a literal default: fix drops the default',
    code: 'variable "db_password" {\n  type    = string\n  default = "abc123"\n}\n',
    errors: [{ message: 'variable "db_password": the default value is a plaintext secret ("a*****")', line: 3 }],
    fixes: [{ title: 'Remove the default and mark the variable sensitive', output: 'variable "db_password" {\n  type    = string\n  sensitive = true\n}\n' }],
  },
  {
    name: 'variable default with sensitive = false',
    code: 'variable "api_key" {\n  default   = "1d2d2dewerdcxeee34c3"\n  sensitive = false\n}\n',
    errors: [{ message: 'variable "api_key"', line: 2 }],
    fixes: [{ title: 'Remove the default and mark the variable sensitive', output: 'variable "api_key" {\n  sensitive = true\n}\n' }],
  },
  {
    name: 'use site names the variable default it came from (and the variable is not reported twice)',
    code: 'resource "aws_db_instance" "main" {\n  password = var.db_password\n}\n',
    moduleFiles: [{ path: 'variables.tf', text: 'variable "db_password" {\n  default = "root-pass-1"\n}\n' }],
    errors: [{ message: 'password is a plaintext secret ("ro*********") (from the default of variable "db_password")', line: 2 }],
  },
  {
    name: 'local value used as a password',
    code: 'locals {\n  admin = "Masu121m2d12d1"\n}\nresource "azurerm_linux_virtual_machine" "vm" {\n  admin_password = local.admin\n}\n',
    errors: [{ message: 'admin_password is a plaintext secret ("Ma************") (from the local value "admin")', line: 5 }],
  },
  {
    name: 'secret-named local inside a map',
    code: 'locals {\n  secrets = {\n    clientSecret = "C98D9F6O-1273-4E8A-B8D9"\n  }\n}\n',
    errors: [{ message: 'clientSecret', line: 3 }],
  },
  {
    name: '.tfvars value',
    path: 'terraform.tfvars',
    code: 'region      = "eu-west-1"\ndb_password = "s3cr3t-in-tfvars"\n',
    errors: [{ message: '"db_password" is a plaintext secret ("s3cr************")', line: 2 }],
  },
  {
    name: 'SSM parameter of type String holding a password',
    code: 'resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "String"\n  value = var.db_password\n}\n',
    errors: [{ message: 'stores a secret ("/prod/db/password") as type String, unencrypted', line: 3 }],
    fixes: [{ title: 'Set type = "SecureString"', output: 'resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = var.db_password\n}\n' }],
  },
  {
    name: 'SSM parameter holding a literal secret: both the type and the literal are reported',
    code: 'resource "aws_ssm_parameter" "token" {\n  name  = "api_token"\n  type  = "String"\n  value = "abcd1234efgh"\n}\n',
    errors: [{ message: 'as type String', line: 3 }, { message: 'aws_ssm_parameter.token: api_token is a plaintext secret', line: 4 }],
  },
  {
    name: 'Key Vault secret payload',
    code: 'resource "azurerm_key_vault_secret" "db" {\n  name         = "db-password"\n  value        = "kv-Pa55word-123"\n  key_vault_id = azurerm_key_vault.main.id\n}\n',
    errors: [{ message: 'azurerm_key_vault_secret.db: value is a plaintext secret', line: 3 }],
  },
  {
    name: 'GitHub Actions secret written in plaintext',
    code: 'resource "github_actions_secret" "deploy" {\n  repository      = "app"\n  secret_name     = "DEPLOY_KEY"\n  plaintext_value = "d3pl0y-k3y-value"\n}\n',
    errors: [{ message: 'github_actions_secret.deploy: plaintext_value is a plaintext secret ("d3pl************")', line: 4 }],
  },
  {
    name: 'connection string with a password',
    code: 'resource "azurerm_linux_web_app" "w" {\n  app_settings = {\n    DB_CONNECTION_STRING = "Server=db;User Id=app;Password=Pa55w0rd!;"\n  }\n}\n',
    errors: [{ message: 'DB_CONNECTION_STRING', line: 3 }],
  },
  {
    name: 'module input',
    code: 'module "db" {\n  source   = "./db"\n  password = "varexample"\n}\n',
    errors: [{ message: 'module.db: password', line: 3 }],
  },
  {
    name: 'JSON file: secret-named keys and name/value pairs',
    path: 'config.json',
    code: '{\n  "database": {\n    "user": "app",\n    "password": "Masu121m2d12d1"\n  },\n  "env": [{"name": "CLIENT_SECRET", "value": "abcdefg123"}]\n}\n',
    errors: [
      { message: '"password" is a plaintext secret ("Ma************")', line: 4 },
      { message: '"CLIENT_SECRET"', line: 6 },
    ],
    output: null,
  },
];

ruleTester(noPlaintextSecret, {
  valid: [
    { name: 'sensitive variable', code: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\nresource "aws_db_instance" "main" {\n  password = var.db_password\n}\n' },
    { name: 'sensitive variable with a default is the documented exception', code: 'variable "db_password" {\n  default   = "abc"\n  sensitive = true\n}\n' },
    { name: 'RDS-managed password', code: 'resource "aws_db_instance" "main" {\n  manage_master_user_password = true\n}\n' },
    { name: 'generated password', code: 'resource "aws_db_instance" "main" {\n  password = random_password.db.result\n}\n' },
    { name: 'interpolation is not a literal', code: 'resource "aws_db_instance" "main" {\n  password = "${var.prefix}-x"\n}\n' },
    { name: 'placeholders', code: 'resource "aws_db_instance" "main" {\n  password = "<password>"\n}\nresource "aws_db_instance" "b" {\n  password = ""\n}\n' },
    { name: 'value that only repeats its name', code: 'resource "google_secret_manager_secret_version" "v" {\n  secret      = google_secret_manager_secret.s.id\n  secret_data = "secret-data"\n}\n' },
    { name: 'attributes about secrets are not secrets', code: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n  password_reuse_prevention = 24\n}\nresource "aws_workspaces_workspace" "w" {\n  volume_encryption_key = "alias/aws/workspaces"\n}\nresource "aws_secretsmanager_secret" "s" {\n  name       = "db-password"\n  kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/abc"\n}\n' },
    { name: 'Key Vault reference in app settings', code: 'resource "azurerm_linux_web_app" "web" {\n  app_settings = {\n    DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/db/)"\n  }\n}\n' },
    { name: 'API Gateway authorization is a mode, connection strings without credentials are fine', code: 'resource "aws_api_gateway_method" "m" {\n  authorization = "AWS_IAM"\n}\nresource "azurerm_linux_web_app" "w" {\n  connection_string {\n    name  = "db"\n    value = "Server=tcp:db.database.windows.net;Authentication=Active Directory Default"\n  }\n}\n' },
    { name: 'SSM SecureString', code: 'resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = var.db_password\n}\n' },
    { name: 'variable default read only by a non-secret attribute is reported at the variable, not here', code: 'resource "aws_instance" "x" {\n  ami = var.ami\n}\n', moduleFiles: [{ path: 'v.tf', text: 'variable "ami" {\n  default = "ami-123"\n}\n' }] },
    { name: 'tokens are left to no-secret-token', code: 'provider "aws" {\n  access_key = "' + 'AKIA' + 'Z3X5EXAMPLE7Q2WV"\n  secret_key = "' + 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY"\n}\n' },
    { name: 'half-typed file', code: 'resource "aws_db_instance" "main" {\n  password =\n' },
    { name: 'package manifests name dependencies, not credentials', path: 'package.json', code: '{"dependencies": {"jsonwebtoken": "^9.0.0", "passport": "^0.7.0"}}' },
    { name: 'package names and paths are not fields', path: 'deps.json', code: '{"@secretlint/core": "^8.0.0", "src/auth/token.ts": "abc123def"}' },
    { name: 'JSON placeholders and references', path: 'config.json', code: '{"password": "${DB_PASSWORD}", "secret_arn": "arn:aws:secretsmanager:us-east-1:1:secret:x", "token": ""}' },
  ],
  invalid,
});

describe('rule no-plaintext-secret: never prints a secret', () => {
  const secrets = ['Sup3rS3cret!', 'hunter2hunter2', 'pwd_jsuwauJk212', 'Masu121m2d12d1', 'abcd1234xyz', 'we2323232g3hg2h3g2h3', 's3cr3t-in-tfvars', 'root-pass-1'];
  for (const testCase of invalid) {
    it(testCase.name ?? '', () => {
      const result = analyze(
        { path: testCase.path ?? 'main.tf', text: testCase.code },
        { rules: [noPlaintextSecret], moduleFiles: testCase.moduleFiles },
      );
      for (const finding of result.findings) {
        for (const secret of secrets) assert.ok(!finding.message.includes(secret), `message reveals ${secret}: ${finding.message}`);
        for (const related of finding.related) for (const secret of secrets) assert.ok(!related.message.includes(secret));
      }
    });
  }
});
