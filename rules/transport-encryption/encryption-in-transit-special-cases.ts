// What the encryption-in-transit table cannot declare: load-balancer listeners, which are fine on plain
// HTTP only when all they do is redirect to HTTPS, and SSM Session Manager documents, whose session
// encryption is a key inside the document's JSON content.
import { fix, indentSnippet, indentUnit, indentationAt, replace } from '../../server/src/engine/fix';
import { setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, blockAddress, childBlocks, literalString, objectEntry, resources, terraformFile, type TfBlock, type TfValue } from '../../server/src/engine/terraform/model';
import { resolvedLiteral, resolveValue, type TerraformModule } from '../../server/src/engine/terraform/module';
import type { Fix } from '../../server/src/engine/types';
import type { RuleContext } from '../define';
import { moduleBlocks } from '../encryption-at-rest/customer-key';

/** The listener's protocol; when unset, HTTP for application load balancers, nothing to check for others. */
function listenerProtocol(listener: TfBlock, module: TerraformModule | undefined): string | undefined {
  if (attr(listener, 'protocol')) return resolvedLiteral(listener, 'protocol', module)?.toUpperCase();
  const arn = attr(listener, 'load_balancer_arn');
  const target = arn && resolveValue(arn.value, module).value;
  if (target?.kind === 'reference') {
    const [type, name] = target.path.split('.');
    const balancer = moduleBlocks(listener, module).find((b) => b.type === 'resource' && b.labels[0] === type && b.labels[1] === name);
    const kind = balancer ? (resolvedLiteral(balancer, 'load_balancer_type', module) ?? (attr(balancer, 'load_balancer_type') ? undefined : 'application')) : undefined;
    return kind === 'application' ? 'HTTP' : undefined;
  }
  // Without a resolvable load balancer, ports 80/8080 on a listener with no protocol are HTTP.
  return ['80', '8080'].includes(resolvedLiteral(listener, 'port', module) ?? '') ? 'HTTP' : undefined;
}

const REDIRECT_ACTION = 'default_action {\n  type = "redirect"\n\n  redirect {\n    port        = "443"\n    protocol    = "HTTPS"\n    status_code = "HTTP_301"\n  }\n}';

function redirectFix(listener: TfBlock, actions: TfBlock[]): Fix {
  const file = listener.file;
  const first = actions[0];
  const indent = indentationAt(file, first.span.start);
  const text = indentSnippet(REDIRECT_ACTION, indent, file.eol, indentUnit(file));
  // Every other default action goes; the first is replaced in place so the layout around it stays.
  const edits = [replace(first.span, text), ...actions.slice(1).map((a) => replace({ start: file.text.slice(0, a.span.start).trimEnd().length, end: a.span.end }, ''))];
  return fix('Replace the default action with a redirect to HTTPS', edits, { safe: false });
}

function checkListener(listener: TfBlock, context: RuleContext): void {
  const module = context.module();
  if (listenerProtocol(listener, module) !== 'HTTP') return;
  const actions = childBlocks(listener, 'default_action');
  if (!actions.length || listener.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === 'default_action')) return;
  const kinds = actions.map((a) => resolvedLiteral(a, 'type', module)?.toLowerCase());
  if (kinds.some((k) => k === undefined)) return;
  const redirects = actions.filter((_, i) => kinds[i] === 'redirect');
  const toHttps = redirects.find((a) => resolvedLiteral(childBlocks(a, 'redirect')[0], 'protocol', module)?.toUpperCase() === 'HTTPS');
  // A redirect to HTTPS, or a fixed response (no data served), keeps nothing in plaintext.
  if (toHttps || kinds.every((k) => k === 'fixed-response')) return;
  const name = blockAddress(listener);
  const plainRedirect = redirects.find((a) => childBlocks(a, 'redirect')[0] && attr(childBlocks(a, 'redirect')[0], 'protocol'));
  if (plainRedirect) {
    const redirect = childBlocks(plainRedirect, 'redirect')[0];
    const protocol = attr(redirect, 'protocol')!;
    const port = resolvedLiteral(redirect, 'port', module);
    const edits = [...setAttribute(redirect, 'protocol', '"HTTPS"'), ...(port === '80' ? setAttribute(redirect, 'port', '"443"') : [])];
    context.report({
      span: protocol.span,
      message: `${name} listens on plain HTTP and redirects to ${resolvedLiteral(redirect, 'protocol', module) ?? 'HTTP'}, not HTTPS: requests and responses travel unencrypted`,
      fixes: [fix(port === '80' ? 'Redirect to HTTPS on port 443' : 'Redirect to HTTPS', edits, { preferred: true })],
    });
    return;
  }
  context.report({
    span: attr(listener, 'protocol')?.span ?? listener.headerSpan,
    message: `${name} serves ${kinds.filter((k) => k !== 'fixed-response').join('/')} traffic over plain HTTP: requests and responses travel unencrypted; listen on HTTPS, or redirect to HTTPS`,
    fixes: [redirectFix(listener, actions)],
  });
}

/** The document's JSON content as a value we can read: `jsonencode({…})`, or a JSON heredoc/string. */
function documentContent(value: TfValue): { inputs?: TfValue; json?: unknown } | undefined {
  if (value.kind === 'call' && value.name === 'jsonencode' && value.args[0]?.kind === 'object') return { inputs: objectEntry(value.args[0], 'inputs')?.value ?? { kind: 'null', span: value.span } };
  const text = value.kind === 'string' ? value.value : value.kind === 'template' ? value.text : undefined;
  if (text === undefined) return undefined;
  try {
    return { json: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Session Manager encrypts session data with KMS only when the preferences document names `inputs.kmsKeyId`. */
function checkSessionDocument(document: TfBlock, context: RuleContext): void {
  const module = context.module();
  if (resolvedLiteral(document, 'document_type', module) !== 'Session') return;
  const content = attr(document, 'content');
  if (!content) return;
  const parsed = documentContent(resolveValue(content.value, module).value);
  if (!parsed) return;
  let keyId: string | undefined;
  if (parsed.inputs) {
    const entry = objectEntry(parsed.inputs, 'kmsKeyId');
    if (entry && literalString(entry.value) === undefined && entry.value.kind !== 'null') return; // a reference: a key is configured
    keyId = entry ? literalString(entry.value) : undefined;
  } else {
    const inputs = (parsed.json as { inputs?: { kmsKeyId?: unknown } } | null)?.inputs;
    keyId = typeof inputs?.kmsKeyId === 'string' ? inputs.kmsKeyId : undefined;
  }
  if (keyId && keyId.trim()) return;
  context.report({
    span: content.span,
    message: `${blockAddress(document)} is a Session Manager preferences document without inputs.kmsKeyId: session traffic is protected only by the channel's default TLS, not encrypted end to end with KMS; set kmsKeyId to a customer-managed key`,
  });
}

export function checkTransitSpecialCases(context: RuleContext): void {
  const tf = terraformFile(context.file);
  for (const listener of resources(tf, 'aws_lb_listener', 'aws_alb_listener')) checkListener(listener, context);
  for (const document of resources(tf, 'aws_ssm_document')) checkSessionDocument(document, context);
}
