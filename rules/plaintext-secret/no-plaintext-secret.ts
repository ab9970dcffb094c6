// no-plaintext-secret: credentials written as literals where infrastructure code configures them —
// secret-named attributes, environment variables, variable defaults, SSM String parameters, JSON keys.
// Known token formats (AWS keys, private keys, GitHub/Slack/Stripe tokens…) are `no-secret-token`'s:
// a value overlapping one is skipped here, so each secret yields exactly one finding.
import { fix } from '../../server/src/engine/fix';
import { jsonTree } from '../../server/src/engine/parsers/json';
import { isSecretName, maskSecret, overlapsKnownToken } from '../../server/src/engine/secrets';
import { setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, literalString, resources, terraformFile } from '../../server/src/engine/terraform/model';
import { resolveValue } from '../../server/src/engine/terraform/module';
import { defineRule, type RuleContext } from '../define';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { terraformSecretFixes } from './terraform-fixes';
import { checkCloudFormationPlaintextSecrets } from './sources/no-plaintext-secret.cloudformation';
import { checkDotenvSecrets } from './sources/no-plaintext-secret.dotenv';
import { checkYamlConfigSecrets } from './sources/no-plaintext-secret.k8s';
import { blockLabel, jsonSecretSites, referencesConsumedAsSecrets, terraformSecretSites, type SecretSite } from './terraform-sites';
import { noPlaintextSecretCodeChecks } from './sources/no-plaintext-secret.app';

function describeSite(site: SecretSite): string {
  const owner = site.block ? `${blockLabel(site.block)}: ` : '';
  switch (site.shape) {
    case 'variable-default':
      return `${owner}the default value`;
    case 'local':
      return `local value "${site.name}"`;
    case 'tfvars':
      return `"${site.name}"`;
    case 'name-value':
    case 'embedded-json':
      return `${owner}${site.attribute?.name ?? 'value'} entry "${site.name}"`;
    case 'map-entry':
      return `${owner}"${site.name}" in ${site.attribute?.name ?? 'a map'}`;
    default:
      return `${owner}${site.name}`;
  }
}

function checkTerraform(context: RuleContext): void {
  const file = context.file;
  const module = context.module();
  const consumed = referencesConsumedAsSecrets(module, terraformFile(file));
  for (const site of terraformSecretSites(file, module)) {
    if (site.contentSpan && overlapsKnownToken(file, site.contentSpan)) continue;
    // A variable or local read by a secret-named attribute is reported there, naming this origin.
    if (site.shape === 'variable-default' && consumed.has(`var.${site.block?.labels[0]}`)) continue;
    if (site.shape === 'local' && consumed.has(`local.${site.name}`)) continue;
    context.report({
      span: site.span,
      message: `${describeSite(site)} is a plaintext secret ("${maskSecret(site.value)}")${site.origin ? originSuffix({ value: { kind: 'null', span: site.span }, origin: site.origin }) : ''}; read it from a secret store or a sensitive variable`,
      related: site.origin ? originRelated({ value: { kind: 'null', span: site.span }, origin: site.origin }) : [],
      fixes: terraformSecretFixes(site, module),
    });
  }
  checkSsmParameters(context);
}

/** SSM parameters of type String are stored unencrypted; a secret-named one must be a SecureString. */
function checkSsmParameters(context: RuleContext): void {
  const tf = terraformFile(context.file);
  for (const parameter of resources(tf, 'aws_ssm_parameter')) {
    const nameAttr = attr(parameter, 'name');
    const name = nameAttr ? literalString(resolveValue(nameAttr.value, context.module()).value) : undefined;
    const lastSegment = name?.split('/').filter(Boolean).pop() ?? parameter.labels[1] ?? '';
    if (!isSecretName(lastSegment) && !isSecretName(parameter.labels[1] ?? '')) continue;
    const typeAttr = attr(parameter, 'type');
    const type = typeAttr ? literalString(resolveValue(typeAttr.value, context.module()).value) : undefined;
    if (typeAttr && type !== 'String' && type !== 'StringList') continue;
    context.report({
      span: typeAttr?.span ?? parameter.headerSpan,
      message: `${blockLabel(parameter)} stores a secret${name ? ` ("${name}")` : ''} as ${type ? `type ${type}` : 'a parameter without a type'}, unencrypted; use type SecureString (encrypted with KMS)`,
      fixes: [fix('Set type = "SecureString"', setAttribute(parameter, 'type', '"SecureString"'), { safe: false, preferred: true })],
    });
  }
}

/**
 * Package manifests and lockfiles name dependencies (`jsonwebtoken`, `@azure/core-auth`), they do
 * not configure credentials; a token in them (a registry URL with a password) is still
 * no-secret-token's.
 */
const PACKAGE_MANIFESTS = /(^|[\\/])(package(-lock)?|npm-shrinkwrap|bower|composer|tsconfig(\.[\w.-]+)?|jsconfig|deno|\.?babelrc|\.eslintrc|lerna|nx|turbo|renovate|yarn\.lock|pnpm-lock)\.json$/i;

function checkJson(context: RuleContext): void {
  if (PACKAGE_MANIFESTS.test(context.file.path)) return;
  const { root } = jsonTree(context.file);
  if (!root) return;
  for (const site of jsonSecretSites(root)) {
    if (overlapsKnownToken(context.file, site.valueSpan)) continue;
    context.report({
      span: site.span,
      message: `"${site.name}" is a plaintext secret ("${maskSecret(site.value)}"); read it from a secret store instead of writing it into the file`,
    });
  }
}

export const noPlaintextSecret = defineRule({
  meta: {
    id: 'no-plaintext-secret',
    title: 'Secrets must not be written in plaintext',
    family: 'plaintext-secret',
    severity: 'error',
    securitySeverity: 8.5,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.7', 'HIPAA 164.312(a)(1)', 'HIPAA 164.312(d)'],
    description:
      'Flags credentials written as literals: secret-named attributes (provider access_key/secret_key/token, password, master_password, client_secret, auth_token, …), secret-named environment variables and map entries, variable defaults and locals with secret-like names, .tfvars values, SSM parameters of type String holding secrets, and secret-named keys in JSON files.',
    rationale:
      'A password in source control is readable by everyone with access to the repository, its forks, CI logs and the Terraform state, and it can never be rotated without a commit. Policy requires secrets to live in a secret store (Secrets Manager, SSM SecureString, Key Vault) or to be passed in as sensitive variables. Placeholders (`<password>`, `${…}`, empty strings) and references to secret stores are not reported; values in a known token format are reported by no-secret-token instead, so each secret is reported once.',
    noncompliant: [
      { language: 'hcl', code: 'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  username = "app"\n  password = "Sup3rS3cret!"\n}' },
      { language: 'hcl', code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  environment {\n    variables = {\n      DB_PASSWORD = "Sup3rS3cret!"\n    }\n  }\n}' },
      { language: 'hcl', code: 'variable "db_password" {\n  default = "Sup3rS3cret!"\n}' },
      { language: 'yaml', code: 'Resources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      MasterUserPassword: Tr0ub4dor-and-3' },
      { language: 'typescript', code: 'export const database = { host: \'db.internal\', user: \'app\', password: \'Tr0ub4dor-and-3\' };' },
      { language: 'python', code: 'DB_PASSWORD = "Tr0ub4dor-and-3"' },
    ],
    compliant: [
      { language: 'hcl', code: 'resource "aws_db_instance" "main" {\n  engine                      = "postgres"\n  username                    = "app"\n  manage_master_user_password = true\n}' },
      { language: 'hcl', code: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}' },
      { language: 'yaml', code: 'Resources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      ManageMasterUserPassword: true' },
      { language: 'typescript', code: 'export const database = { host: \'db.internal\', user: \'app\', password: process.env.DB_PASSWORD };' },
      { language: 'python', code: 'import os\n\nDB_PASSWORD = os.environ["DB_PASSWORD"]' },
    ],
    fix:
      'Offers to replace the literal with `var.<name>` and declare that variable with `sensitive = true` (after the block), or — for `aws_db_instance`/`aws_rds_cluster` — `manage_master_user_password = true` instead of the password; removes a secret variable default; sets SSM parameters to `SecureString`. These change the module\'s inputs or behaviour, so they are offered in the editor and never applied by `--fix`.',
  },
  check: {
    terraform: checkTerraform,
    'terraform-vars': checkTerraform,
    json: checkJson,
    'cloudformation-yaml': checkCloudFormationPlaintextSecrets,
    'cloudformation-json': checkCloudFormationPlaintextSecrets,
    yaml: checkYamlConfigSecrets,
    dotenv: checkDotenvSecrets,
    ...noPlaintextSecretCodeChecks,
  },
});
