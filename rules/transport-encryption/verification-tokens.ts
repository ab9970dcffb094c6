// tls-no-disabled-verification in Python, Go and Java, matched on tokens (strings and comments are
// never code). Each detector names the exact token a fix replaces.
import { fix, replace } from '../../server/src/engine/fix';
import { codeTokens } from '../../server/src/engine/tokenizer';
import { closingBracket, dottedNameEndingAt, findAll, identifier, isString, matchesAt } from '../../server/src/engine/tokenizer/match';
import type { Token } from '../../server/src/engine/tokenizer/token';
import type { Span } from '../../server/src/engine/types';
import type { RuleContext } from '../define';

const span = (from: Token, to: Token): Span => ({ start: from.span.start, end: to.span.end });

// ------------------------------------------------------------------------------------ Python

export function checkPythonVerification(context: RuleContext): void {
  const tokens = codeTokens(context.file);
  // requests.get(url, verify=False), httpx.Client(verify=False), session.verify = False
  for (const i of findAll(tokens, [identifier('verify'), '=', identifier('False')])) {
    const before = tokens[i - 1]?.text;
    if (before !== '(' && before !== ',' && before !== '.') continue;
    const start = before === '.' ? dottedNameEndingAt(tokens, i).start : i;
    context.report({
      span: span(tokens[start], tokens[i + 2]),
      message: 'verify=False turns off certificate verification, so any machine in the path can impersonate the server and read the traffic',
      fixes: [fix('Set verify=True', [replace(tokens[i + 2].span, 'True')], { preferred: true })],
    });
  }
  // ctx.check_hostname = False
  for (const i of findAll(tokens, ['.', identifier('check_hostname'), '=', identifier('False')])) {
    const start = dottedNameEndingAt(tokens, i + 1).start;
    context.report({
      span: span(tokens[start], tokens[i + 3]),
      message: 'check_hostname = False accepts a valid certificate issued for any host: hostname verification is off',
      fixes: [fix('Set check_hostname = True', [replace(tokens[i + 3].span, 'True')], { preferred: true })],
    });
  }
  // ctx.verify_mode = ssl.CERT_NONE, ssl.wrap_socket(s, cert_reqs=ssl.CERT_NONE), cert_reqs='CERT_NONE' (urllib3)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const isCertNone = (token.kind === 'identifier' && token.text === 'CERT_NONE') || (isString(token) && token.value === 'CERT_NONE' && tokens[i - 2]?.text === 'cert_reqs');
    if (!isCertNone) continue;
    const name = token.kind === 'identifier' ? dottedNameEndingAt(tokens, i) : { parts: [token.value!], start: i };
    if (tokens[name.start - 1]?.text !== '=') continue;
    const replacement = token.kind === 'string' ? `${token.text[0]}CERT_REQUIRED${token.text[token.text.length - 1]}` : 'CERT_REQUIRED';
    context.report({
      span: span(tokens[name.start - 2] ?? token, token),
      message: 'CERT_NONE accepts any certificate, so the peer is never authenticated',
      fixes: [fix('Use CERT_REQUIRED', [replace(token.span, replacement)], { preferred: true })],
    });
  }
  // ssl._create_unverified_context()
  for (const i of findAll(tokens, [identifier('_create_unverified_context')])) {
    context.report({
      span: tokens[i].span,
      message: 'ssl._create_unverified_context() builds a context that verifies neither the certificate nor the hostname',
      fixes: [fix('Use ssl.create_default_context', [replace(tokens[i].span, 'create_default_context')], { preferred: true })],
    });
  }
}

// ---------------------------------------------------------------------------------------- Go

export function checkGoVerification(context: RuleContext): void {
  const tokens = codeTokens(context.file);
  for (const i of findAll(tokens, [identifier('InsecureSkipVerify'), (t) => t.text === ':' || t.text === '=', identifier('true')])) {
    context.report({
      span: span(tokens[i], tokens[i + 2]),
      message: 'InsecureSkipVerify: true accepts any certificate chain and host name, so any machine in the path can impersonate the server',
      fixes: [fix('Set InsecureSkipVerify: false', [replaceKeepingCommentColumn(context.file.text, tokens[i + 2].span, 'false')], { preferred: true })],
    });
  }
}

/**
 * gofmt aligns trailing comments: a value one character longer takes one of the spaces before the
 * comment, so the column stays where it was.
 */
function replaceKeepingCommentColumn(text: string, span: Span, newText: string): { span: Span; newText: string } {
  const grow = newText.length - (span.end - span.start);
  const rest = /^(,?)( +)(?=\/\/)/.exec(text.slice(span.end, span.end + 200));
  if (grow > 0 && rest && rest[2].length > grow) {
    return { span: { start: span.start, end: span.end + rest[0].length }, newText: newText + rest[1] + rest[2].slice(grow) };
  }
  return replace(span, newText);
}

// -------------------------------------------------------------------------------------- Java

const TRUST_ALL_NAMES = new Set(['NoopHostnameVerifier', 'ALLOW_ALL_HOSTNAME_VERIFIER', 'AllowAllHostnameVerifier', 'TrustAllStrategy']);

export function checkJavaVerification(context: RuleContext): void {
  const tokens = codeTokens(context.file);
  // X509TrustManager.checkServerTrusted(...) { } — a trust manager that trusts everyone.
  for (const i of findAll(tokens, [identifier('checkServerTrusted'), '('])) {
    const close = closingBracket(tokens, i + 1);
    if (close < 0) continue;
    let body = close + 1;
    if (tokens[body]?.text === 'throws') while (body < tokens.length && tokens[body].text !== '{' && tokens[body].text !== ';') body++;
    if (tokens[body]?.text !== '{') continue;
    const end = closingBracket(tokens, body);
    const empty = end === body + 1 || (end === body + 2 && tokens[body + 1].text === ';') || (end === body + 3 && tokens[body + 1].text === 'return' && tokens[body + 2].text === ';');
    if (!empty) continue;
    context.report({
      span: tokens[i].span,
      message: 'checkServerTrusted does nothing, so this TrustManager accepts every certificate: server authentication is off',
    });
  }
  // Hostname verifiers that accept every host.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'identifier' && TRUST_ALL_NAMES.has(token.text)) {
      if (tokens[i - 1]?.text === 'class' || isImport(tokens, i)) continue;
      context.report({ span: token.span, message: `${token.text} accepts every certificate or host name: TLS peer verification is off` });
    }
  }
  // setHostnameVerifier((host, session) -> true) and `boolean verify(String h, SSLSession s) { return true; }`
  for (const i of findAll(tokens, [(t) => t.kind === 'identifier' && /^set(Default)?HostnameVerifier$/.test(t.text), '('])) {
    const close = closingBracket(tokens, i + 1);
    const arrow = tokens.slice(i + 2, close).findIndex((t) => t.text === '->');
    if (arrow >= 0 && tokens[i + 2 + arrow + 1]?.text === 'true' && i + 2 + arrow + 2 === close) {
      context.report({ span: span(tokens[i], tokens[close]), message: 'a HostnameVerifier that always returns true accepts certificates issued for any host' });
    }
  }
  for (const i of findAll(tokens, [identifier('verify'), '(', identifier('String')])) {
    const close = closingBracket(tokens, i + 1);
    if (close < 0 || !tokens.slice(i, close).some((t) => t.text === 'SSLSession')) continue;
    if (matchesAt(tokens, close + 1, ['{', 'return', 'true', ';', '}'])) {
      context.report({ span: tokens[i].span, message: 'a HostnameVerifier that always returns true accepts certificates issued for any host' });
    }
  }
}

function isImport(tokens: readonly Token[], i: number): boolean {
  const start = dottedNameEndingAt(tokens, i).start;
  return tokens[start - 1]?.text === 'import' || (tokens[start - 1]?.text === 'static' && tokens[start - 2]?.text === 'import');
}
