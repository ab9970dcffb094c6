// tls-no-disabled-verification in JavaScript/TypeScript: `rejectUnauthorized: false` (tls, https, pg,
// mysql2, ioredis, axios agents…), `strictSSL: false` (request), a `checkServerIdentity` that accepts
// everything, and NODE_TLS_REJECT_UNAUTHORIZED=0 set in code or passed as an environment (e.g. a Lambda
// function's `environment` in a CDK stack).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { fix, replace } from '../../server/src/engine/fix';
import type { SourceFile } from '../../server/src/engine/source';
import { removeProperty, setPropertyValue } from '../../server/src/engine/typescript/edits';
import { booleanValue, memberPath, NodeType, nodesOfType, numberValue, parentOf, quoteString, spanOf, stringValue, unwrap, type Node } from '../../server/src/engine/typescript/nodes';
import { propertyName } from '../../server/src/engine/typescript/objects';
import { originRelated, originSuffix, resolveValue, type ResolvedValue } from '../../server/src/engine/typescript/values';
import type { Fix } from '../../server/src/engine/types';
import type { RuleContext } from '../define';

const ENV_FLAG = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** `false`, `0`, `!1` — the values that turn verification off. */
function isFalsy(resolved: ResolvedValue): boolean {
  const node = resolved.node;
  if (booleanValue(node) === false || numberValue(node) === 0) return true;
  return node.type === 'UnaryExpression' && node.operator === '!' && numberValue(node.argument) === 1;
}

/** NODE_TLS_REJECT_UNAUTHORIZED disables verification when set to '0' (string or number). */
function isZero(resolved: ResolvedValue): boolean {
  return stringValue(resolved.node) === '0' || numberValue(resolved.node) === 0;
}

/** `() => undefined`, `() => {}`, `function () { return null; }`: accepts every certificate's identity. */
function acceptsEverything(node: Node): boolean {
  const fn = unwrap(node);
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return false;
  const body = fn.body;
  if (body.type !== 'BlockStatement') return isNothing(body);
  if (body.body.length === 0) return true;
  return body.body.length === 1 && body.body[0].type === 'ReturnStatement' && (!body.body[0].argument || isNothing(body.body[0].argument));
}

function isNothing(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === 'Identifier' && inner.name === 'undefined') || (inner.type === 'Literal' && inner.value === null) || (inner.type === 'UnaryExpression' && inner.operator === 'void');
}

function setTrueFix(file: SourceFile, property: TSESTree.Property, name: string, resolved: ResolvedValue): Fix[] {
  return [fix(`Set ${name}: true`, setPropertyValue(file, property, 'true'), { preferred: true, safe: !resolved.origin })];
}

/** Removes a whole statement line (`process.env.X = '0';`) when it stands alone on it; else only the statement. */
function removeStatement(file: SourceFile, statement: Node): Fix {
  const { lines } = file;
  const startLine = lines.positionAt(statement.range[0]).line;
  const endLine = lines.positionAt(statement.range[1]).line;
  const before = file.text.slice(lines.lineStart(startLine), statement.range[0]);
  const after = file.text.slice(statement.range[1], lines.lineEnd(endLine));
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
    return fix(`Remove the ${ENV_FLAG} override`, [replace({ start: lines.lineStart(startLine), end }, '')], { preferred: true });
  }
  return fix(`Remove the ${ENV_FLAG} override`, [replace(spanOf(statement), '')], { preferred: true });
}

export function checkScriptVerification(context: RuleContext): void {
  const { file } = context;
  for (const property of nodesOfType(file, NodeType.Property)) {
    const name = propertyName(property);
    if (name === 'rejectUnauthorized' || name === 'strictSSL') {
      const resolved = resolveValue(file, property.value as Node);
      if (!isFalsy(resolved)) continue;
      context.report({
        span: spanOf(property),
        message: `${name}: false${originSuffix(resolved)} turns off certificate verification, so any machine in the path can impersonate the server and read the traffic`,
        related: originRelated(resolved),
        fixes: setTrueFix(file, property, name, resolved),
      });
    } else if (name === 'checkServerIdentity' && acceptsEverything(property.value as Node)) {
      const object = parentOf(file, property);
      context.report({
        span: spanOf(property),
        message: 'checkServerIdentity accepts every certificate, whatever host it was issued for: hostname verification is off',
        fixes: object?.type === 'ObjectExpression' ? [fix('Remove checkServerIdentity (use the default check)', removeProperty(file, object, property), { preferred: true })] : [],
      });
    } else if (name === ENV_FLAG) {
      const resolved = resolveValue(file, property.value as Node);
      if (!isZero(resolved)) continue;
      const object = parentOf(file, property);
      context.report({
        span: spanOf(property),
        message: `${ENV_FLAG}=0 in this environment turns off certificate verification for every TLS connection the Node.js process makes`,
        fixes: object?.type === 'ObjectExpression' && !resolved.origin ? [fix(`Remove ${ENV_FLAG}`, removeProperty(file, object, property), { preferred: true })] : [],
      });
    }
  }
  for (const assignment of nodesOfType(file, NodeType.AssignmentExpression)) {
    if (assignment.operator !== '=') continue;
    const path = memberPath(assignment.left);
    const last = path?.[path.length - 1];
    const resolved = resolveValue(file, assignment.right);
    if (last === ENV_FLAG && path![0] === 'process' && isZero(resolved)) {
      const statement = parentOf(file, assignment);
      context.report({
        span: spanOf(assignment),
        message: `setting ${ENV_FLAG} to 0 turns off certificate verification for every TLS connection this Node.js process makes`,
        fixes: statement?.type === 'ExpressionStatement' ? [removeStatement(file, statement)] : [fix(`Set ${ENV_FLAG} to '1'`, [replace(spanOf(assignment.right), quoteString(file, '1'))], { preferred: true })],
      });
    } else if (last === 'rejectUnauthorized' && isFalsy(resolved)) {
      // `https.globalAgent.options.rejectUnauthorized = false`
      context.report({
        span: spanOf(assignment),
        message: `${path!.join('.')} = false turns off certificate verification`,
        fixes: [fix('Set rejectUnauthorized to true', [replace(spanOf(assignment.right), 'true')], { preferred: true, safe: !resolved.origin })],
      });
    }
  }
}
