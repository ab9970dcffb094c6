// Credential formats recognisable by shape alone, in any text: cloud access keys, private key
// blocks, vendor API tokens. Each detector is a regular expression plus a guard against the
// look-alikes that fill real repositories (placeholders like `ghp_xxxx…`, truncated examples,
// base64 blobs that are not keys). Documentation example keys (AWS's `AKIA…EXAMPLE`) ARE
// reported: they have the real format, scanners cannot tell them from live keys, and copying them
// around is how real keys later land next to them.
import { maskSecret } from '../fix';
import { isPlaceholder, shannonEntropy } from './values';

export type TokenKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'private-key'
  | 'encoded-private-key'
  | 'putty-private-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'teams-webhook'
  | 'stripe-secret-key'
  | 'google-api-key'
  | 'sendgrid-api-key'
  | 'npm-token'
  | 'pypi-token'
  | 'azure-storage-key'
  | 'jwt'
  | 'openai-api-key'
  | 'anthropic-api-key'
  | 'huggingface-token'
  | 'shopify-token'
  | 'databricks-token'
  | 'vault-token'
  | 'digitalocean-token'
  | 'terraform-cloud-token'
  | 'azure-ad-client-secret'
  | 'age-secret-key'
  | 'url-credentials';

export interface TokenMatch {
  kind: TokenKind;
  /** Human-readable name for messages: "AWS access key ID". */
  label: string;
  /** Offsets into the scanned text of the secret itself (what to mask, report and replace). */
  start: number;
  end: number;
  value: string;
  /** How messages show it: `maskSecret`, except URLs keep their host so the reader knows which one. */
  masked: string;
}

interface TokenDetector {
  kind: TokenKind;
  label: string;
  /** Global regex; when it has a group named `secret`, that group is the secret, else the whole match. */
  pattern: RegExp;
  /** Rejects look-alikes; gets the secret text. */
  accept?: (secret: string) => boolean;
  /**
   * The match must not continue an identifier (`xAKIA…`). Checked in code rather than with a
   * lookbehind, so the regex starts with a literal that V8 can search for quickly.
   */
  wordStart?: boolean;
}

/** Not a run of one repeated character or an obvious filler (`xxxxxxxx`, `00000000`, `abcdefgh`…). */
function notFiller(secret: string): boolean {
  const body = secret.replace(/^[a-z]+_(?:live_)?|^xox.-|^AIza|^AKIA|^ASIA|^SG\./i, '');
  if (/^(.)\1+$/.test(body.replace(/[-_.]/g, ''))) return false;
  if (/x{6,}|\*{4,}|0{10,}|(?:abcdef|123456){2,}/i.test(body)) return false;
  return shannonEntropy(body) >= 2.5;
}

/** Private key blocks must carry key material, not `...` or a placeholder line. */
function hasKeyMaterial(block: string): boolean {
  const body = block
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
    .replace(/\\[nr]|\s|^[A-Za-z-]+:.*$/gm, '') // line breaks (also JSON-escaped) and PEM headers
    .replace(/["'+,]/g, '');
  return /[A-Za-z0-9+/=]{32,}/.test(body) && notFiller(body.slice(0, 200));
}

function decodesToPrivateKey(encoded: string): boolean {
  try {
    const text = Buffer.from(encoded, 'base64').toString('latin1');
    return /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY/.test(text);
  } catch {
    return false;
  }
}

const E = '(?![A-Za-z0-9_])';

const DETECTORS: TokenDetector[] = [
  { kind: 'aws-access-key-id', label: 'AWS access key ID', pattern: new RegExp(`(?:AKIA|ASIA|ABIA|ACCA|ASCA|A3T[A-Z0-9])[A-Z0-9]{16}${E}`, 'g'), accept: notFiller, wordStart: true },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    // 40 base64 characters are only recognisable next to a name saying what they are.
    pattern: /(?:aws_?)?secret_?(?:access_?)?key(?:_?id)?["']?\s*(?:=>|[:=]|,)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    accept: (secret) => notFiller(secret) && /[A-Z]/.test(secret) && /[a-z0-9]/.test(secret),
  },
  {
    kind: 'private-key',
    label: 'private key',
    // A whole block, or — for a truncated/unterminated one — the text up to the closing quote.
    pattern: /-----BEGIN (?<type>(?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END \k<type>PRIVATE KEY(?: BLOCK)?-----|[^"'`]*)/g,
    accept: hasKeyMaterial,
  },
  { kind: 'encoded-private-key', label: 'base64-encoded private key', pattern: /LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}/g, accept: decodesToPrivateKey },
  {
    kind: 'putty-private-key',
    label: 'PuTTY private key',
    pattern: /PuTTY-User-Key-File-\d: [\s\S]*?Private-Lines: \d+(?:\r?\n[A-Za-z0-9+/=]+)+/g,
    accept: (block) => hasKeyMaterial(block.slice(block.indexOf('Private-Lines'))),
  },
  { kind: 'github-token', label: 'GitHub token', pattern: new RegExp(`(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{70,255})${E}`, 'g'), accept: notFiller, wordStart: true },
  { kind: 'gitlab-token', label: 'GitLab token', pattern: new RegExp(`glpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])`, 'g'), accept: notFiller, wordStart: true },
  { kind: 'slack-token', label: 'Slack token', pattern: /xox[baprse]-(?:[0-9]{1,32}-){1,3}[0-9A-Za-z-]{8,255}(?![A-Za-z0-9-])/g, accept: notFiller, wordStart: true },
  {
    kind: 'slack-webhook',
    label: 'Slack webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g,
    accept: (secret) => notFiller(secret.slice(secret.lastIndexOf('/') + 1)),
  },
  {
    kind: 'teams-webhook',
    label: 'Microsoft Teams webhook URL',
    pattern: /https:\/\/[\w-]+\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[0-9a-f]{32}\/[0-9a-f-]{36}/g,
  },
  { kind: 'stripe-secret-key', label: 'Stripe secret key', pattern: new RegExp(`(?:sk|rk)_live_[0-9A-Za-z]{20,247}${E}`, 'g'), accept: notFiller, wordStart: true },
  { kind: 'google-api-key', label: 'Google API key', pattern: new RegExp(`AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])`, 'g'), accept: notFiller, wordStart: true },
  { kind: 'sendgrid-api-key', label: 'SendGrid API key', pattern: new RegExp(`SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`, 'g'), accept: notFiller, wordStart: true },
  { kind: 'npm-token', label: 'npm access token', pattern: new RegExp(`npm_[A-Za-z0-9]{36}${E}`, 'g'), accept: notFiller, wordStart: true },
  { kind: 'pypi-token', label: 'PyPI API token', pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g },
  {
    kind: 'azure-storage-key',
    label: 'Azure storage account key',
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g,
    accept: notFiller,
  },
  // Vendor keys with distinctive prefixes or embedded markers: precise enough to report on sight.
  { kind: 'openai-api-key', label: 'OpenAI API key', pattern: /sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,160}T3BlbkFJ[A-Za-z0-9_-]{16,160}(?![A-Za-z0-9_-])/g, wordStart: true },
  { kind: 'anthropic-api-key', label: 'Anthropic API key', pattern: /sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g, accept: notFiller, wordStart: true },
  { kind: 'huggingface-token', label: 'Hugging Face token', pattern: /hf_[A-Za-z]{34}(?![A-Za-z0-9_])/g, accept: notFiller, wordStart: true },
  { kind: 'shopify-token', label: 'Shopify access token', pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9_])/g, accept: notFiller, wordStart: true },
  { kind: 'databricks-token', label: 'Databricks token', pattern: /dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9_])/g, accept: notFiller, wordStart: true },
  { kind: 'vault-token', label: 'HashiCorp Vault token', pattern: /hv[sb]\.[A-Za-z0-9_-]{90,250}(?![A-Za-z0-9_-])/g, accept: notFiller, wordStart: true },
  { kind: 'digitalocean-token', label: 'DigitalOcean token', pattern: /do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])/g, accept: notFiller, wordStart: true },
  { kind: 'terraform-cloud-token', label: 'Terraform Cloud/Enterprise token', pattern: /[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/g, accept: notFiller },
  { kind: 'azure-ad-client-secret', label: 'Microsoft Entra ID client secret', pattern: /[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g, accept: notFiller, wordStart: true },
  { kind: 'age-secret-key', label: 'age secret key', pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g },
  {
    kind: 'jwt',
    label: 'JSON Web Token',
    // The lookbehind right after the literal rejects every `eyJ` inside a longer run in one step, so a
    // megabyte of `eyJeyJ…` stays linear; the bounded lengths keep each attempt short.
    pattern: /eyJ(?<![A-Za-z0-9_-]...)[A-Za-z0-9_-]{10,4096}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{16,4096}(?![A-Za-z0-9_-])/g,
    accept: (secret) => {
      try {
        return JSON.parse(Buffer.from(secret.split('.')[0], 'base64url').toString('utf8'))?.alg !== undefined;
      } catch {
        return false;
      }
    },
  },
  {
    kind: 'url-credentials',
    label: 'password in a URL',
    // scheme://user:password@host — the password part; `${…}` and `<…>` stand-ins are not findings.
    // Starts at the `://` literal (fast to search for); the scheme in front does not matter.
    pattern: /:\/\/[^\s:@/"'`<>]{1,64}:(?<secret>[^\s:@/"'`<>]{3,128})@[\w.-]+/g,
    accept: (secret) => !isPlaceholder(secret) && !/^(?:password|passwd|pass|pwd|secret|\$\w+|%\w+%)$/i.test(secret) && !secret.includes('${'),
  },
];

/** Every known token in `text`, in order of position; overlapping matches keep the earliest, longest. */
export function findTokens(text: string): TokenMatch[] {
  const found: TokenMatch[] = [];
  if (!mayContainToken(text)) return found;
  for (const detector of DETECTORS) {
    detector.pattern.lastIndex = 0;
    for (let match = detector.pattern.exec(text); match; match = detector.pattern.exec(text)) {
      if (match[0].length === 0) {
        detector.pattern.lastIndex++;
        continue;
      }
      const secret = match.groups?.secret ?? match[0];
      const start = match.index + (match.groups?.secret !== undefined ? match[0].lastIndexOf(secret) : 0);
      if (detector.wordStart && /[A-Za-z0-9_]/.test(text[match.index - 1] ?? '')) continue;
      if (detector.accept && !detector.accept(secret)) continue;
      found.push({ kind: detector.kind, label: detector.label, start, end: start + secret.length, value: secret, masked: maskToken(secret) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TokenMatch[] = [];
  for (const token of found) {
    const last = kept[kept.length - 1];
    if (last && token.start < last.end) continue;
    kept.push(token);
  }
  return kept;
}

/** `https://hooks.slack.com/services/T0A…` → `https://hooks.slack.com/***`: the host says which service, the path is the secret. */
function maskToken(secret: string): string {
  const url = /^(https?:\/\/[^/]+\/)/.exec(secret);
  return url ? `${url[1]}${'*'.repeat(12)}` : maskSecret(secret);
}

/** Cheap pre-filter so large files without any token marker skip the regex pass. */
const MARKERS = /T3BlbkFJ|sk-ant-|hf_|shp[a-z]{2}_|dapi|hv[sb]\.|_v1_|atlasv1|Q~|AGE-SECRET|AKIA|ASIA|ABIA|ACCA|ASCA|A3T|PuTTY|webhook|secret|PRIVATE KEY|LS0tLS1CRUdJTi|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack|_live_|AIza|SG\.|npm_|pypi-|AccountKey=|eyJ|:\/\//i;

function mayContainToken(text: string): boolean {
  return MARKERS.test(text);
}

/** Whether a value contains a known token — `no-secret-token` reports those, so name-based checks skip them. */
export function containsKnownToken(value: string): boolean {
  return findTokens(value).length > 0;
}

