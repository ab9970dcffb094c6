// no-secret-token: credentials recognisable by their format — AWS access keys, private key blocks,
// GitHub/GitLab/Slack/Stripe/Google/SendGrid/npm/PyPI tokens, webhook URLs, passwords in URLs — in
// ANY scanned file, comments included (a key in a comment is just as leaked). Where no structured
// checker of no-plaintext-secret exists for a kind, it also reports high-entropy literals assigned
// to secret-like names. Precedence: this rule owns every token span; no-plaintext-secret skips them.
import { fileTokens, findSecretAssignments, maskSecret, type TokenMatch } from '../../server/src/engine/secrets';
import type { SourceFile } from '../../server/src/engine/source';
import { allBlocks, terraformFile, type TfValue } from '../../server/src/engine/terraform/model';
import type { SourceKind, Span } from '../../server/src/engine/types';
import { defineRule, type CheckFn, type RuleContext } from '../define';
import { noPlaintextSecret } from './no-plaintext-secret';
import { sensitiveVariableFix } from './terraform-fixes';
import { terraformLiteralAt } from './terraform-literals';

function tokenMessage(token: TokenMatch): string {
  return `plaintext ${token.label} ("${token.masked}"); revoke or rotate it, and read it from a secret store instead`;
}

function checkTokens(context: RuleContext): void {
  const file = context.file;
  const isTerraform = file.kind === 'terraform' || file.kind === 'terraform-vars';
  for (const token of fileTokens(file)) {
    const span = { start: token.start, end: token.end };
    const literal = isTerraform && file.kind === 'terraform' ? terraformLiteralAt(file, span) : undefined;
    const fixable = literal && ['resource', 'data', 'provider', 'module'].includes(literal.block.type);
    context.report({
      span,
      message: tokenMessage(token),
      fixes: fixable ? [sensitiveVariableFix(literal.block, literal.literalSpan, literal.name, context.module(), true)] : [],
    });
  }
  // Kinds without a structured no-plaintext-secret checker still get the name + entropy heuristic;
  // in Terraform, so do scripts in heredocs (`user_data`), which no structured checker reads.
  if (file.kind && !noPlaintextSecret.check[file.kind]) checkAssignments(context, [{ start: 0, end: file.text.length }]);
  else if (file.kind === 'terraform') checkAssignments(context, heredocScripts(file));
}

/** Content spans of non-JSON heredocs: shell scripts, cloud-init, config files. */
function heredocScripts(file: SourceFile): Span[] {
  const spans: Span[] = [];
  const visit = (value: TfValue): void => {
    if (value.kind === 'template' && value.heredoc && !/^\s*[[{]/.test(file.text.slice(value.contentSpan.start, value.contentSpan.end))) spans.push(value.contentSpan);
    else if (value.kind === 'object') value.entries.forEach((e) => visit(e.value));
    else if (value.kind === 'tuple') value.items.forEach(visit);
    else if (value.kind === 'call') value.args.forEach(visit);
  };
  for (const block of allBlocks(terraformFile(file).blocks)) for (const a of block.attributes) visit(a.value);
  return spans;
}

function checkAssignments(context: RuleContext, regions: Span[]): void {
  const tokens = fileTokens(context.file);
  const assignments = regions.flatMap((region) =>
    findSecretAssignments(context.file.text.slice(region.start, region.end)).map((a) => ({ ...a, start: a.start + region.start, end: a.end + region.start })),
  );
  for (const assignment of assignments) {
    if (tokens.some((t) => t.start < assignment.end && assignment.start < t.end)) continue;
    context.report({
      span: { start: assignment.start, end: assignment.end },
      message: `${assignment.name} is assigned a high-entropy literal that looks like a credential ("${maskSecret(assignment.value)}"); read it from a secret store or the environment instead`,
    });
  }
}

/** Every kind enclint scans: tokens leak through all of them. */
const ALL_KINDS: SourceKind[] = [
  'terraform', 'terraform-vars', 'json', 'cloudformation-json', 'cloudformation-yaml', 'yaml',
  'typescript', 'javascript', 'python', 'go', 'java', 'dotenv', 'text',
];

export const noSecretToken = defineRule({
  meta: {
    id: 'no-secret-token',
    title: 'Known credential formats must not appear in source',
    family: 'plaintext-secret',
    severity: 'error',
    securitySeverity: 9.0,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.7', 'HIPAA 164.312(a)(1)', 'HIPAA 164.312(d)'],
    description:
      'Flags credentials recognisable by their format in any scanned file: AWS access key IDs and secret keys, PEM/OpenSSH/PuTTY private keys (also base64-encoded), GitHub, GitLab, Slack, Stripe, Google, SendGrid, npm, PyPI, OpenAI, Anthropic, Hugging Face, Shopify, Databricks, Vault, DigitalOcean and Terraform Cloud tokens, Entra ID client secrets, age keys, Slack and Teams webhook URLs, Azure storage keys, JWTs and passwords embedded in URLs; in files without a structured checker and in Terraform heredoc scripts (`user_data`), also high-entropy literals assigned to secret-like names.',
    rationale:
      'A token in a repository is a live credential handed to everyone who can read it, now and in every clone and fork of its history; automated scanners harvest public ones within minutes. The EXAMPLE access keys of the AWS documentation are reported too: a scanner cannot tell them from real ones. A leaked token must be revoked or rotated, then read from a secret store at runtime.',
    noncompliant: [
      // The examples are fake tokens in the real formats, shown in the docs on purpose.
      // enclint-disable-next-line no-secret-token -- documentation example (the published AWS EXAMPLE key)
      { language: 'hcl', code: 'provider "aws" {\n  region     = "us-east-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n}' },
      // enclint-disable-next-line no-secret-token -- documentation example (fake token)
      { language: 'dotenv', code: 'GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8' },
    ],
    compliant: [
      { language: 'hcl', code: 'provider "aws" {\n  region = "us-east-1"\n  # credentials come from the environment, a profile or an assumed role\n}' },
      { language: 'dotenv', code: 'GITHUB_TOKEN=${GITHUB_TOKEN}' },
    ],
    fix: 'In Terraform, offers to replace a token literal with `var.<name>` and declare that variable with `sensitive = true`. Never applied by `--fix`: the token must also be revoked, which no edit can do.',
  },
  check: Object.fromEntries(ALL_KINDS.map((kind) => [kind, checkTokens])) as Partial<Record<SourceKind, CheckFn>>,
});
