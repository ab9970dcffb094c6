import { isSecretName, nameWords } from './names';

// Is this *value* a real secret, or something standing in for one? A literal assigned to a
// secret-named field is a finding unless it is a placeholder (empty, `<password>`, `${…}`, `{{ … }}`,
// `xxxx`, `****`), a lookup of the real secret somewhere else (env var, SSM/Secrets Manager/Key Vault
// reference, CloudFormation dynamic reference), or not credential material at all (booleans, ARNs).

/** Bits of Shannon entropy per character: ~3 for English words, ~4 for hex, 5+ for base64 keys. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const length = [...value].length;
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Values a person writes where the real secret goes later. `changeme` and friends are deliberately
 * NOT placeholders: they are the weak default passwords that end up deployed, and the corpus of
 * real-world fixtures we measure against labels them as findings.
 */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^\s*$/,
  /^<[^<>]*>$/, // <password>, <your-token-here>
  /^\[[^\[\]]*\]$/, // [REDACTED]
  /\$\{[^}]*\}/, // ${var.x}, ${env:X}, ${{ secrets.X }} — interpolation anywhere: not a literal
  /\{\{[^}]*\}\}/, // {{ .Values.x }}, {{resolve:secretsmanager:…}}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $DB_PASSWORD
  /^\$\([^)]*\)$/, // $(DB_PASSWORD)
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %DB_PASSWORD%
  /^#\{[^}]*\}$/, // #{Octopus.Variable}
  /^\{[\w.-]*\}$/, // {password}: str.format / URI-template placeholders
  /^%[sdv]$|^%\([\w]+\)s$/, // printf-style: %s, %(password)s
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|\?+)$/i, // xxxx, ****, ....
  /^(?:redacted|masked|hidden|none|null|nil|undefined|todo|tbd|n\/a|replace[-_ ]?me|fill[-_ ]?me[-_ ]?in|your[-_ ]?\w*|insert[-_ ]?\w*[-_ ]?here|\w*[-_]?here|dummy|placeholder|sample|example)$/i,
  /^(?:true|false|yes|no|on|off)$/i,
];

/** Values that point at a secret stored elsewhere: the recommended way, never a finding. */
const REFERENCE_PATTERNS: RegExp[] = [
  /^arn:aws[a-z-]*:/i, // Secrets Manager / SSM / KMS ARNs
  /^alias\/[\w/-]+$/, // KMS key aliases
  /^(?:ssm|secretsmanager|vault|keyvault|sm|gcp-secret|secret|env|awskms|azurekv|gcpkms|op):/i, // SOPS/vals/1Password-style refs
  /^@Microsoft\.KeyVault\(/i, // App Service Key Vault references
  /^projects\/[^/]+\/secrets\//, // GCP Secret Manager resource names
  /^https:\/\/[\w-]+\.vault\.azure\.net\//i, // Key Vault secret URIs
  /^(?:process\.env|os\.environ|os\.getenv|ENV\[|System\.getenv|Deno\.env)/, // application env lookups
  /^\/(?:[\w.-]+\/)*[\w.-]+$/, // SSM parameter paths /prod/db/password, file paths
  /^(?:var|local|data|module)\.[\w.[\]"-]+$/, // unevaluated Terraform references in text
];

export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

export function isSecretReference(value: string): boolean {
  const trimmed = value.trim();
  return REFERENCE_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/**
 * Whether a literal assigned to a secret-named field should be reported: not a placeholder, not a
 * reference to a secret store, not a bare number/boolean switch. `minLength` lets a caller be stricter
 * for loosely named fields (a generic `token` key in a JSON file) than for a `password` attribute.
 */
export function looksLikeSecretValue(value: string, options: { minLength?: number; name?: string } = {}): boolean {
  const trimmed = value.trim();
  if (trimmed.length < (options.minLength ?? 1)) return false;
  if (isPlaceholder(trimmed) || isSecretReference(trimmed)) return false;
  if (options.name && echoesName(trimmed, options.name)) return false;
  if (options.name && isConnectionStringName(options.name) && !CONNECTION_CREDENTIAL.test(trimmed)) return false;
  return true;
}

/** Connection strings are secrets only when they carry a credential (many use managed identity). */
const CONNECTION_CREDENTIAL = /(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey|sharedaccesssignature|secret|token|accesskey)\s*=\s*[^;\s]|:\/\/[^/\s:@]+:[^/\s@]+@/i;

function isConnectionStringName(name: string): boolean {
  const words = nameWords(name);
  return words.includes('connection') || words.includes('conn') || words.includes('connstr') || words.includes('dsn');
}

/**
 * `password = "password"`, `secret_data = "secret-data"`, `DB_PASSWORD: db_password`: a value that
 * only repeats its own field name is a stand-in someone will replace, not a credential.
 */
function echoesName(value: string, name: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = nameWords(name);
  const candidate = squash(value);
  if (!candidate) return false;
  // Only a run that names the secret itself counts: `DB_PASSWORD: db_password` is a stand-in, but
  // `POSTGRES_PASSWORD: postgres` and `mysql_root_password: root` are the classic default credentials.
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const run = words.slice(i, j);
      if (run.join('') === candidate && run.some((w) => isSecretName(w))) return true;
    }
  }
  return false;
}

/**
 * A value that looks machine-generated (API key, random password) rather than a word: long enough,
 * no spaces, and with the entropy of random text for its alphabet. Used to report secret-named
 * values in loosely typed places (generic JSON/YAML keys, app code) where an English phrase is more
 * likely to be a label than a credential.
 */
export function isHighEntropy(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 16 || /\s/.test(trimmed)) return false;
  const entropy = shannonEntropy(trimmed);
  if (/^[0-9a-f]+$/i.test(trimmed)) return entropy >= 3.0 && trimmed.length >= 20;
  return entropy >= 3.5;
}
