// no-plaintext-secret for AWS CDK: `SecretValue.unsafePlainText(…)` (v2), `SecretValue.plainText(…)` (v1)
// and `SecretStringValueBeta1.fromUnsafePlaintext(…)` write the value into the synthesized template,
// where anyone who can read the stack (or its S3 asset bucket) can read it. That covers
// `Credentials.fromPassword(user, SecretValue.unsafePlainText('…'))` and secrets' `secretStringValue`.
// The offered fix looks the secret up in Secrets Manager at deploy time instead.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { cdkCalls, constructsOf, describeConstruct } from '../../../server/src/engine/cdk/constructs';
import { isSecretName } from '../../../server/src/engine/secrets';
import { fix, maskSecret, replace } from '../../../server/src/engine/fix';
import type { SourceFile } from '../../../server/src/engine/source';
import { memberPath, parentOf, quoteString, spanOf, stringValue, type Node } from '../../../server/src/engine/typescript/nodes';
import { propertyName, propertyValue } from '../../../server/src/engine/typescript/objects';
import { resolveValue } from '../../../server/src/engine/typescript/values';
import type { RuleContext } from '../../define';

const PLAINTEXT_FACTORIES = new Set(['SecretValue.unsafePlainText', 'SecretValue.plainText', 'SecretStringValueBeta1.fromUnsafePlaintext']);

/** A Secrets Manager name for the fix, from where the value is used: `Database/password`. */
function suggestedSecretName(file: SourceFile, call: TSESTree.CallExpression): string {
  const parts: string[] = [];
  let node: Node | undefined = call;
  for (let depth = 0; node && depth < 8; depth++) {
    const parent: Node | undefined = parentOf(file, node);
    if (!parent) break;
    if (parent.type === 'Property') {
      const name = propertyName(parent);
      if (name && !parts.length) parts.unshift(name);
    } else if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && !parts.length) {
      parts.unshift(parent.id.name);
    } else if (parent.type === 'NewExpression') {
      const id = stringValue(parent.arguments[1] as Node | undefined);
      if (id) {
        parts.unshift(id);
        break;
      }
    }
    node = parent;
  }
  if (!parts.length) parts.push('secret');
  return parts.join('/');
}

export function checkCdkPlaintextSecrets(context: RuleContext): void {
  const { file } = context;
  checkCdkSecretParameters(context);
  for (const { node, symbol } of cdkCalls(file)) {
    const name = symbol.path.join('.');
    if (symbol.service === 'core' ? !PLAINTEXT_FACTORIES.has(name) : !(symbol.service === 'secretsmanager' && PLAINTEXT_FACTORIES.has(name))) continue;
    const argument = node.arguments[0] as Node | undefined;
    const value = argument ? stringValue(resolveValue(file, argument).node) : undefined;
    const written = file.slice(spanOf(node.callee));
    const shown = value !== undefined ? ` ("${maskSecret(value)}")` : '';
    const receiver = memberPath(node.callee)!.slice(0, -1);
    // Keep the user's spelling of the SecretValue class (`cdk.SecretValue`, `SecretValue`); Beta1 strings need SecretValue too.
    const secretValueClass = symbol.path[0] === 'SecretValue' ? receiver.join('.') : undefined;
    const secretName = suggestedSecretName(file, node);
    context.report({
      span: spanOf(node),
      message: `${written}${shown} puts the secret in plain text into the synthesized CloudFormation template; reference it from Secrets Manager (SecretValue.secretsManager) instead`,
      fixes: secretValueClass
        ? [fix(`Replace with ${secretValueClass}.secretsManager('${secretName}')`, [replace(spanOf(node), `${secretValueClass}.secretsManager(${quoteString(file, secretName)})`)], { safe: false, preferred: true })]
        : [],
    });
  }
}

/**
 * SSM String parameters are stored unencrypted, and CloudFormation cannot create SecureString ones:
 * a parameter whose name says it holds a secret belongs in Secrets Manager.
 */
export function checkCdkSecretParameters(context: RuleContext): void {
  const { file } = context;
  for (const parameter of constructsOf(file, 'ssm', 'StringParameter', 'CfnParameter')) {
    const props = parameter.props?.object;
    if (!props) continue;
    const type = propertyValue(file, props, 'type');
    const typeText = type ? stringValue(type.node) : undefined;
    if (parameter.symbol.path[0] === 'CfnParameter' && typeText !== undefined && typeText !== 'String') continue;
    const nameValue = propertyValue(file, props, 'parameterName');
    const parameterName = nameValue ? stringValue(nameValue.node) : undefined;
    const lastSegment = parameterName?.split('/').filter(Boolean).pop();
    const secretNamed = (lastSegment !== undefined && isSecretName(lastSegment)) || (parameter.id !== undefined && isSecretName(parameter.id));
    if (!secretNamed) continue;
    const value = propertyValue(file, props, parameter.symbol.path[0] === 'CfnParameter' ? 'value' : 'stringValue');
    const literal = value ? stringValue(value.node) : undefined;
    context.report({
      span: parameter.headSpan,
      message: `${describeConstruct(parameter)}${parameterName ? ` ("${parameterName}")` : ''} stores a secret${literal ? ` ("${maskSecret(literal)}")` : ''} in a plain String parameter, unencrypted and visible in the template; keep it in Secrets Manager`,
    });
  }
}
