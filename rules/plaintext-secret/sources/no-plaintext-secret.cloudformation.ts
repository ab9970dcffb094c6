// no-plaintext-secret for CloudFormation/SAM: a literal credential in a resource property
// (`MasterUserPassword`, `Password`, `AuthToken`, `ClientSecret`, Lambda `Environment.Variables`,
// ECS/CodeBuild `{Name, Value}` environment entries…) or in the `Default` of a secret-named parameter.
// Names and values are judged by the shared secrets library, so a CloudFormation `DbPassword` is
// judged exactly like a Terraform `db_password`. Values CloudFormation resolves at deploy time
// (`{{resolve:secretsmanager:…}}`, `!Ref`, `!Sub`) are not literals and never reach this check.
import { CfnRaw, ensureParameter, replaceValue, setPath } from '../../../server/src/engine/cloudformation/edits';
import { cfnTemplate, describeResource, isDynamicReference, literalString, type CfnParameter, type CfnResource, type CfnTemplate } from '../../../server/src/engine/cloudformation/model';
import { fix, maskSecret } from '../../../server/src/engine/fix';
import { isSecretName, looksLikeSecretValue, overlapsKnownToken } from '../../../server/src/engine/secrets';
import type { Fix, TextEdit } from '../../../server/src/engine/types';
import { getNodePath, modify } from 'jsonc-parser';
import { jsonNodeOf } from '../../../server/src/engine/yaml/from-json';
import { get, pair, scalarString, type DataDocument, type PairNode } from '../../../server/src/engine/yaml/data';
import { configSecretCandidates, type SecretCandidate } from '../../../server/src/engine/yaml/secret-candidates';
import type { RuleContext } from '../../define';

/**
 * The AWS docs write every property's syntax as `Password: String`; templates copied from there keep
 * the type name as a stand-in value. A stub, not a credential.
 */
function isDocumentationStub(value: string): boolean {
  return /^(string|string-value|integer|boolean|json)$/i.test(value.trim());
}

/** Properties whose names read like secrets but hold references: a custom resource's Lambda/SNS ARN, KMS key ids. */
const REFERENCE_PROPERTIES = /^(ServiceToken|EncryptionKey|\w*KmsKey\w*|\w*KMSKey\w*)$/;

function isReportable(template: CfnTemplate, name: string, value: string): boolean {
  if (REFERENCE_PROPERTIES.test(name) || !isSecretName(name)) return false;
  if (!looksLikeSecretValue(value, { name }) || isDynamicReference(value) || isDocumentationStub(value)) return false;
  // `Password: DbPassword` naming a parameter or resource is a missing `!Ref`, not a credential.
  return !template.parameters.has(value) && !logicalIds(template).has(value);
}

const LOGICAL_IDS = new WeakMap<CfnTemplate, Set<string>>();

function logicalIds(template: CfnTemplate): Set<string> {
  let ids = LOGICAL_IDS.get(template);
  if (!ids) LOGICAL_IDS.set(template, (ids = new Set(template.resources.map((r) => r.logicalId))));
  return ids;
}

/** `MasterUserPassword` → `DbMasterUserPassword`; `DB_PASSWORD` → `FnDbPassword`: a parameter name CloudFormation accepts. */
function parameterName(resource: CfnResource, name: string): string {
  const words = /[_\-.\s]/.test(name) ? name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()) : [name[0].toUpperCase() + name.slice(1)];
  return `${resource.logicalId}${words.join('')}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 255);
}

/** RDS instances and clusters can own their master password: generated, stored and rotated in Secrets Manager. */
const RDS_MANAGED_PASSWORD_TYPES = ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'];

function rdsManagedPasswordFix(template: CfnTemplate, resource: CfnResource, candidate: SecretCandidate): Fix | undefined {
  if (!resource.type || !RDS_MANAGED_PASSWORD_TYPES.includes(resource.type) || candidate.name !== 'MasterUserPassword') return undefined;
  const passwordPair = pair(resource.properties, 'MasterUserPassword');
  if (!passwordPair || passwordPair.value !== candidate.valueNode || pair(resource.properties, 'ManageMasterUserPassword')) return undefined;
  const text = template.document.syntax === 'json' ? '"ManageMasterUserPassword": true' : 'ManageMasterUserPassword: true';
  // Applications must then read the password from the secret RDS creates: offered, not applied.
  return fix('Let RDS manage the password in Secrets Manager (ManageMasterUserPassword: true)', [{ span: passwordPair.span, newText: text }], { safe: false, preferred: true });
}

function secretFixes(context: RuleContext, template: CfnTemplate, resource: CfnResource, candidate: SecretCandidate): Fix[] {
  const secretId = `\${AWS::StackName}/${resource.logicalId}/${candidate.name}`;
  const dynamic = new CfnRaw(`!Sub '{{resolve:secretsmanager:${secretId}}}'`, { 'Fn::Sub': `{{resolve:secretsmanager:${secretId}}}` });
  const parameter = parameterName(resource, candidate.name);
  const managed = rdsManagedPasswordFix(template, resource, candidate);
  const fixes: Fix[] = [
    ...(managed ? [managed] : []),
    // Neither is safe: the secret (or the deploy-time parameter value) has to exist first.
    fix(`Resolve it from Secrets Manager at deploy time ({{resolve:secretsmanager:<stack>/${resource.logicalId}/${candidate.name}}})`, replaceValue(template, candidate.valueNode, dynamic), { safe: false, preferred: !managed }),
  ];
  if (!template.parameters.has(parameter)) {
    fixes.push(
      fix(
        `Take it from a new NoEcho parameter ${parameter}`,
        [
          ...replaceValue(template, candidate.valueNode, new CfnRaw(`!Ref ${parameter}`, { Ref: parameter })),
          ...ensureParameter(context.file, template, parameter, { Type: 'String', NoEcho: true, Description: `${candidate.name} of ${resource.logicalId} (supplied at deploy time, never stored in the template)` }),
        ],
        { safe: false },
      ),
    );
  }
  return fixes;
}

function checkResource(context: RuleContext, template: CfnTemplate, resource: CfnResource): void {
  if (!resource.properties) return;
  const document: DataDocument = { syntax: template.document.syntax, root: resource.properties, span: resource.properties.span };
  const ssmValue = resource.type === 'AWS::SSM::Parameter' ? get(resource.properties, 'Value') : undefined;
  for (const candidate of configSecretCandidates(document)) {
    // The parameter's own Name/Value pair has a more specific check (checkSsmParameter).
    if (ssmValue && candidate.valueNode === ssmValue) continue;
    // A known token format is no-secret-token's, with the more specific message: one finding per secret.
    if (!isReportable(template, candidate.name, candidate.value) || overlapsKnownToken(context.file, candidate.valueNode.span)) continue;
    context.report({
      span: candidate.valueNode.span,
      message: `${describeResource(resource)} sets ${candidate.name} to a literal secret (${maskSecret(candidate.value)}); anyone who can read the template, its S3 copy or the stack's console can read it — resolve it from Secrets Manager or a NoEcho parameter`,
      fixes: secretFixes(context, template, resource, candidate),
    });
  }
}

function checkParameter(context: RuleContext, template: CfnTemplate, parameter: CfnParameter): void {
  const value = scalarString(parameter.default);
  if (!parameter.default || value === undefined || parameter.default.type !== 'scalar' || parameter.default.tag) return;
  if (!isReportable(template, parameter.name, value) || overlapsKnownToken(context.file, parameter.default.span)) return;
  const defaultPair = pair(parameter.node, 'Default')!;
  const echo = parameter.noEcho ? 'NoEcho hides it from the console, but the default still sits in the template' : 'and without NoEcho the console and API show it too';
  context.report({
    span: defaultPair.span,
    message: `Parameter ${parameter.name} has a literal secret as its Default (${maskSecret(value)}); ${echo} — pass the value at deploy time or resolve it from Secrets Manager`,
    // Deploys that relied on the default must now pass the value: offered, not applied.
    fixes: [fix(`Remove the Default${parameter.noEcho ? '' : ' and set NoEcho: true'}`, removeDefaultEdits(context, template, parameter, defaultPair), { safe: false, preferred: true })],
  });
}

/**
 * Drops the Default and makes the parameter NoEcho. Without a NoEcho key the Default pair simply
 * becomes `NoEcho: true` in place (valid YAML and JSON, indentation kept); otherwise the Default goes
 * and the existing NoEcho is set.
 */
function removeDefaultEdits(context: RuleContext, template: CfnTemplate, parameter: CfnParameter, defaultPair: PairNode): TextEdit[] {
  const json = template.document.syntax === 'json';
  const noEcho = pair(parameter.node, 'NoEcho');
  if (!noEcho) return [{ span: defaultPair.span, newText: json ? '"NoEcho": true' : 'NoEcho: true' }];
  const edits: TextEdit[] = json ? removeJsonProperty(context, parameter, defaultPair) : [{ span: lineSpan(context, defaultPair.span), newText: '' }];
  if (!parameter.noEcho && noEcho.value && parameter.node) edits.push(...setPath(context.file, template, parameter.node, ['NoEcho'], true));
  return edits;
}

function removeJsonProperty(context: RuleContext, parameter: CfnParameter, property: PairNode): TextEdit[] {
  const origin = parameter.node && jsonNodeOf(parameter.node);
  if (!origin) return [];
  return modify(context.file.text, [...getNodePath(origin), property.key], undefined, {}).map((e) => ({ span: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
}

/** The whole line holding a YAML `Default:` pair, with its line break, so removing it leaves no blank line. */
function lineSpan(context: RuleContext, span: { start: number; end: number }): { start: number; end: number } {
  const lines = context.file.lines;
  const first = lines.positionAt(span.start).line;
  const last = lines.positionAt(span.end).line;
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lines.lineEnd(last);
  return { start, end };
}

/**
 * CloudFormation cannot create SecureString parameters, so an `AWS::SSM::Parameter` whose name says
 * it holds a secret stores that literal as a plain String, readable by anyone with ssm:GetParameter.
 */
function checkSsmParameter(context: RuleContext, resource: CfnResource): void {
  if (resource.type !== 'AWS::SSM::Parameter') return;
  const name = literalString(get(resource.properties, 'Name'));
  const lastSegment = name?.split('/').filter(Boolean).pop();
  const valueNode = get(resource.properties, 'Value');
  const value = literalString(valueNode);
  if (!valueNode || value === undefined || !(isSecretName(lastSegment ?? '') || isSecretName(resource.logicalId))) return;
  if (!looksLikeSecretValue(value, { name: lastSegment ?? resource.logicalId }) || isDynamicReference(value) || overlapsKnownToken(context.file, valueNode.span)) return;
  context.report({
    span: valueNode.span,
    message: `${describeResource(resource)} stores a secret${name ? ` ("${name}")` : ''} as a plain String parameter (${maskSecret(value)}); CloudFormation cannot create SecureString parameters — store it in Secrets Manager, or create a SecureString outside the template`,
  });
}

/** Keys of `AWS::CloudFormation::Authentication` blocks that carry credentials (roleName is the safe alternative). */
const AUTHENTICATION_CREDENTIALS = ['accessKeyId', 'secretKey', 'password'];

/**
 * Resource `Metadata` is returned as written — with `!Ref`s to NoEcho parameters resolved — by
 * DescribeStackResource and cfn-get-metadata, so credentials in an `AWS::CloudFormation::Authentication`
 * block are readable by anyone who can describe the stack, whether literal or referenced.
 */
function checkAuthenticationMetadata(context: RuleContext, resource: CfnResource): void {
  const authentication = get(get(resource.node, 'Metadata'), 'AWS::CloudFormation::Authentication');
  if (authentication?.type !== 'map') return;
  for (const block of authentication.pairs) {
    if (block.value?.type !== 'map') continue;
    for (const key of AUTHENTICATION_CREDENTIALS) {
      const credential = pair(block.value, key);
      if (!credential?.value) continue;
      const literal = scalarString(credential.value);
      if (literal !== undefined && !looksLikeSecretValue(literal)) continue;
      context.report({
        span: credential.span,
        message: `${describeResource(resource)} puts ${key} in its AWS::CloudFormation::Authentication metadata (${block.key}); metadata is returned in plaintext by DescribeStackResource and cfn-get-metadata, even for NoEcho parameters — authenticate with roleName (an instance profile role) instead`,
      });
    }
  }
}

/** SAM `Globals` (`Function.Environment.Variables`…) are copied into every function: same check as a resource. */
function checkSamGlobals(context: RuleContext, template: CfnTemplate): void {
  const globals = get(template.root, 'Globals');
  if (globals?.type !== 'map') return;
  for (const section of globals.pairs) {
    if (section.value?.type !== 'map') continue;
    const pseudo: CfnResource = { logicalId: `Globals.${section.key}`, type: undefined, node: section.value, pair: section, properties: section.value, propertiesPair: section };
    checkResource(context, template, pseudo);
  }
}

export function checkCloudFormationPlaintextSecrets(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  checkSamGlobals(context, template);
  for (const parameter of template.parameters.values()) checkParameter(context, template, parameter);
  for (const resource of template.resources) {
    checkResource(context, template, resource);
    checkSsmParameter(context, resource);
    checkAuthenticationMetadata(context, resource);
  }
}
