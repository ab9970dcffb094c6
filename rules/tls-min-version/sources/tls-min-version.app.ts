// tls-min-version in application code: the protocol floor a TLS client or server asks for.
//   JS/TS   { minVersion: 'TLSv1.1' }, { maxVersion: 'TLSv1' }, { secureProtocol: 'TLSv1_method' },
//           tls.DEFAULT_MIN_VERSION = 'TLSv1'
//   Python  ssl.PROTOCOL_TLSv1 / PROTOCOL_TLSv1_1 / PROTOCOL_SSLv3, ctx.minimum_version = ssl.TLSVersion.TLSv1_1
//   Go      MinVersion: tls.VersionTLS10 / VersionTLS11 / VersionSSL30 (also MaxVersion below the minimum)
//   Java    SSLContext.getInstance("TLSv1"), setEnabledProtocols(new String[] {"TLSv1", …}),
//           System.setProperty("https.protocols", "TLSv1,TLSv1.1")
// A fix raises the version to the policy minimum where that is the one safe answer; pinning a whole
// protocol (PROTOCOL_TLSv1) is swapped for the negotiating client protocol only as an offered fix.
import type { TlsVersion } from '../../../server/src/engine/config';
import { fix, replace } from '../../../server/src/engine/fix';
import { codeTokens } from '../../../server/src/engine/tokenizer';
import { closingBracket, dottedNameAt, dottedNameEndingAt, findAll, identifier, isString } from '../../../server/src/engine/tokenizer/match';
import type { Token } from '../../../server/src/engine/tokenizer/token';
import { setPropertyValue } from '../../../server/src/engine/typescript/edits';
import { memberPath, NodeType, nodesOfType, quoteString, spanOf, stringValue, type Node } from '../../../server/src/engine/typescript/nodes';
import { propertyName } from '../../../server/src/engine/typescript/objects';
import { originRelated, originSuffix, resolveValue } from '../../../server/src/engine/typescript/values';
import type { CheckFn, RuleContext } from '../../define';
import { meetsMinimum, protocolLabel, type ProtocolVersion } from '../tls-versions';
import { checkCdkTlsMinVersion } from './tls-min-version.cdk';

const requirement = (context: RuleContext) => `policy requires TLS ${context.options.minTlsVersion} or higher`;

// ------------------------------------------------------------------------------ JavaScript

/** Node's `minVersion`/`maxVersion` and `tls.DEFAULT_MIN_VERSION` values. */
const NODE_VERSIONS: Record<string, ProtocolVersion> = { SSLv3: '0.3', TLSv1: '1.0', 'TLSv1.1': '1.1', 'TLSv1.2': '1.2', 'TLSv1.3': '1.3' };

/** OpenSSL method names for `secureProtocol`; the version-flexible ones (TLS_method, SSLv23_method) are not pinned. */
function secureProtocolFloor(method: string): ProtocolVersion | undefined {
  const match = /^(SSLv2|SSLv3|TLSv1|TLSv1_1|TLSv1_2)(?:_client|_server)?_method$/.exec(method);
  if (!match) return undefined;
  return ({ SSLv2: '0.3', SSLv3: '0.3', TLSv1: '1.0', TLSv1_1: '1.1', TLSv1_2: '1.2' } as const)[match[1] as 'SSLv2'];
}

const nodeName = (version: TlsVersion) => `TLSv${version === '1.0' ? '1' : version}`;

function checkScript(context: RuleContext): void {
  const { file } = context;
  const minimum = context.options.minTlsVersion;
  const report = (node: Node, name: string, valueNode: Node, replacementText: string | undefined, onProperty: Parameters<typeof setPropertyValue>[1] | undefined) => {
    const resolved = resolveValue(file, valueNode);
    const value = stringValue(resolved.node)!;
    const floor = name === 'secureProtocol' ? secureProtocolFloor(value)! : NODE_VERSIONS[value];
    const ceiling = /max/i.test(name);
    context.report({
      span: spanOf(node),
      message: ceiling
        ? `${name} '${value}'${originSuffix(resolved)} caps connections at ${protocolLabel(floor)}; ${requirement(context)}`
        : `${name} '${value}'${originSuffix(resolved)} accepts ${protocolLabel(floor)}; ${requirement(context)}`,
      related: originRelated(resolved),
      fixes: replacementText
        ? [fix(`Set ${name} to '${replacementText}'`, onProperty ? setPropertyValue(file, onProperty, quoteString(file, replacementText)) : [replace(spanOf(valueNode), quoteString(file, replacementText))], { preferred: true, safe: !resolved.origin })]
        : [],
    });
  };
  const weak = (name: string, valueNode: Node): boolean => {
    const value = stringValue(resolveValue(file, valueNode).node);
    if (value === undefined) return false;
    const floor = name === 'secureProtocol' ? secureProtocolFloor(value) : NODE_VERSIONS[value];
    return !!floor && !meetsMinimum(floor, minimum);
  };
  for (const property of nodesOfType(file, NodeType.Property)) {
    const name = propertyName(property);
    if (name !== 'minVersion' && name !== 'maxVersion' && name !== 'secureProtocol') continue;
    if (!weak(name, property.value as Node)) continue;
    // A pinned method has no exact TLS 1.3 counterpart: TLSv1_2_method is the fix for the 1.2 minimum only.
    const replacement = name === 'secureProtocol' ? (minimum === '1.2' ? 'TLSv1_2_method' : undefined) : name === 'maxVersion' ? 'TLSv1.3' : nodeName(minimum);
    report(property, name, property.value as Node, replacement, property);
  }
  for (const assignment of nodesOfType(file, NodeType.AssignmentExpression)) {
    const path = memberPath(assignment.left);
    const last = path?.[path.length - 1];
    if (assignment.operator !== '=' || (last !== 'DEFAULT_MIN_VERSION' && last !== 'DEFAULT_MAX_VERSION')) continue;
    if (!weak(last, assignment.right)) continue;
    report(assignment, path!.join('.'), assignment.right, last === 'DEFAULT_MAX_VERSION' ? 'TLSv1.3' : nodeName(minimum), undefined);
  }
}

// ---------------------------------------------------------------------------------- Python

const PYTHON_PROTOCOLS: Record<string, ProtocolVersion> = { PROTOCOL_SSLv2: '0.3', PROTOCOL_SSLv3: '0.3', PROTOCOL_TLSv1: '1.0', PROTOCOL_TLSv1_1: '1.1', PROTOCOL_TLSv1_2: '1.2' };
const PYTHON_TLS_VERSIONS: Record<string, ProtocolVersion> = { MINIMUM_SUPPORTED: '0.3', SSLv3: '0.3', TLSv1: '1.0', TLSv1_1: '1.1', TLSv1_2: '1.2', TLSv1_3: '1.3' };
const pythonName = (version: TlsVersion) => `TLSv${version.replace('.', '_').replace('1_0', '1')}`;

function checkPython(context: RuleContext): void {
  const tokens = codeTokens(context.file);
  const minimum = context.options.minTlsVersion;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'identifier') continue;
    const pinned = PYTHON_PROTOCOLS[token.text];
    if (pinned && !meetsMinimum(pinned, minimum) && !isPythonImport(tokens, i)) {
      const name = dottedNameEndingAt(tokens, i);
      context.report({
        span: { start: tokens[name.start].span.start, end: token.span.end },
        message: `${name.parts.join('.')} pins the connection to ${protocolLabel(pinned)}; ${requirement(context)}`,
        // PROTOCOL_TLS_CLIENT negotiates the best version but also turns on certificate and host name checks: a person must confirm.
        fixes: [fix('Use PROTOCOL_TLS_CLIENT (negotiates TLS 1.2+, verifies the server)', [replace(token.span, 'PROTOCOL_TLS_CLIENT')], { safe: false, preferred: true })],
      });
      continue;
    }
    // ctx.minimum_version = ssl.TLSVersion.TLSv1_1 / maximum_version = …
    // (urllib3's create_urllib3_context spells them ssl_minimum_version / ssl_maximum_version)
    if (/^(ssl_)?(minimum|maximum)_version$/.test(token.text) && tokens[i + 1]?.text === '=') {
      const value = dottedNameAt(tokens, i + 2);
      const member = value.parts[value.parts.length - 1];
      const floor = value.parts.includes('TLSVersion') ? PYTHON_TLS_VERSIONS[member] : undefined;
      if (!floor || meetsMinimum(floor, minimum)) continue;
      const ceiling = token.text.endsWith('maximum_version');
      const target = ceiling ? 'TLSv1_3' : pythonName(minimum);
      const start = tokens[i - 1]?.text === '.' ? dottedNameEndingAt(tokens, i).start : i;
      context.report({
        span: { start: tokens[start].span.start, end: tokens[value.end].span.end },
        message: `${token.text} = ${value.parts.join('.')} ${ceiling ? 'caps connections at' : 'accepts'} ${protocolLabel(floor)}; ${requirement(context)}`,
        fixes: [fix(`Set ${token.text} to TLSVersion.${target}`, [replace(tokens[value.end].span, target)], { preferred: true })],
      });
    }
  }
}

function isPythonImport(tokens: readonly Token[], i: number): boolean {
  // `from ssl import PROTOCOL_TLSv1` names it without using it: the use is reported.
  for (let k = i - 1; k >= 0 && k >= i - 40; k--) {
    if (tokens[k].text === 'import') return tokens.slice(k, i).every((t) => t.kind === 'identifier' || t.text === ',' || t.text === '(' || t.text === 'import' || t.text === 'as');
    if (tokens[k].kind !== 'identifier' && tokens[k].text !== ',' && tokens[k].text !== '(') return false;
  }
  return false;
}

// -------------------------------------------------------------------------------------- Go

const GO_VERSIONS: Record<string, ProtocolVersion> = { VersionSSL30: '0.3', VersionTLS10: '1.0', VersionTLS11: '1.1', VersionTLS12: '1.2', VersionTLS13: '1.3' };
const goName = (version: TlsVersion) => `VersionTLS1${version.slice(2)}`;

function checkGo(context: RuleContext): void {
  const tokens = codeTokens(context.file);
  const minimum = context.options.minTlsVersion;
  for (const i of findAll(tokens, [identifier('MinVersion', 'MaxVersion'), (t) => t.text === ':' || t.text === '=', identifier('tls'), '.', (t) => t.kind === 'identifier' && t.text in GO_VERSIONS])) {
    const member = tokens[i + 4];
    const floor = GO_VERSIONS[member.text];
    if (meetsMinimum(floor, minimum)) continue;
    const ceiling = tokens[i].text === 'MaxVersion';
    const target = ceiling ? 'VersionTLS13' : goName(minimum);
    context.report({
      span: { start: tokens[i].span.start, end: member.span.end },
      message: `${tokens[i].text}: tls.${member.text} ${ceiling ? 'caps connections at' : 'accepts'} ${protocolLabel(floor)}; ${requirement(context)}`,
      fixes: [fix(`Set ${tokens[i].text} to tls.${target}`, [replace(member.span, target)], { preferred: true })],
    });
  }
}

// ------------------------------------------------------------------------------------ Java

const JAVA_VERSIONS: Record<string, ProtocolVersion> = { SSLv2: '0.3', SSLv3: '0.3', TLSv1: '1.0', 'TLSv1.1': '1.1', 'TLSv1.2': '1.2', 'TLSv1.3': '1.3' };
const javaName = (version: TlsVersion) => `TLSv${version === '1.0' ? '1' : version}`;

function checkJava(context: RuleContext): void {
  const tokens = codeTokens(context.file);
  const minimum = context.options.minTlsVersion;
  const acceptable = (['1.2', '1.3'] as TlsVersion[]).filter((v) => meetsMinimum(v, minimum)).map(javaName);
  // SSLContext.getInstance("TLSv1")
  for (const i of findAll(tokens, [identifier('SSLContext'), '.', identifier('getInstance'), '(', isString])) {
    const argument = tokens[i + 4];
    const floor = JAVA_VERSIONS[argument.value!];
    if (!floor || meetsMinimum(floor, minimum)) continue;
    context.report({
      span: { start: tokens[i].span.start, end: (tokens[i + 5]?.text === ')' ? tokens[i + 5] : argument).span.end },
      message: `SSLContext.getInstance("${argument.value}") asks for ${protocolLabel(floor)}; ${requirement(context)}`,
      fixes: [fix(`Use SSLContext.getInstance("${javaName(minimum)}")`, [replace(argument.span, `"${javaName(minimum)}"`)], { preferred: true })],
    });
  }
  // socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.2"}) and String.join / Arrays forms with literals
  for (const i of findAll(tokens, [identifier('setEnabledProtocols', 'setProtocols', 'protocols'), '('])) {
    const close = closingBracket(tokens, i + 1);
    if (close < 0) continue;
    const strings = tokens.slice(i + 2, close).filter(isString);
    const weak = strings.filter((s) => JAVA_VERSIONS[s.value!] && !meetsMinimum(JAVA_VERSIONS[s.value!], minimum));
    if (!weak.length || strings.some((s) => !JAVA_VERSIONS[s.value!] && s.value !== 'SSLv2Hello')) continue;
    const kept = strings.filter((s) => !weak.includes(s) && s.value !== 'SSLv2Hello').map((s) => s.value!);
    const list = kept.length ? kept : [javaName(minimum)];
    const first = strings[0];
    const last = strings[strings.length - 1];
    context.report({
      span: { start: tokens[i].span.start, end: tokens[close].span.end },
      message: `${tokens[i].text} enables ${weak.map((s) => s.value).join(', ')}: ${protocolLabel(JAVA_VERSIONS[weak[0].value!])} and below are not allowed; ${requirement(context)}`,
      fixes: [fix(`Enable only ${list.join(', ')}`, [replace({ start: first.span.start, end: last.span.end }, list.map((v) => `"${v}"`).join(', '))], { preferred: true })],
    });
  }
  // System.setProperty("https.protocols", "TLSv1,TLSv1.1") / jdk.tls.client.protocols
  for (const i of findAll(tokens, [identifier('setProperty'), '(', (t) => isString(t) && /^(https\.protocols|jdk\.tls\.(client|server)\.protocols)$/.test(t.value!), ',', isString])) {
    const value = tokens[i + 4];
    const versions = value.value!.split(',').map((v) => v.trim()).filter(Boolean);
    const weak = versions.filter((v) => JAVA_VERSIONS[v] && !meetsMinimum(JAVA_VERSIONS[v], minimum));
    if (!weak.length) continue;
    const kept = versions.filter((v) => !weak.includes(v));
    const list = kept.length ? kept : acceptable;
    context.report({
      span: { start: tokens[i].span.start, end: value.span.end },
      message: `${tokens[i + 2].value} enables ${weak.join(', ')}; ${requirement(context)}`,
      fixes: [fix(`Set ${tokens[i + 2].value} to "${list.join(',')}"`, [replace(value.span, `"${list.join(',')}"`)], { preferred: true })],
    });
  }
}

// ---------------------------------------------------------------------------- entry points

/** TypeScript/JavaScript files hold both CDK stacks and application code: both checks run. */
function checkScriptFile(context: RuleContext): void {
  checkCdkTlsMinVersion(context);
  checkScript(context);
}

export const tlsMinVersionCodeChecks: Record<'typescript' | 'javascript' | 'python' | 'go' | 'java', CheckFn> = {
  typescript: checkScriptFile,
  javascript: checkScriptFile,
  python: checkPython,
  go: checkGo,
  java: checkJava,
};
