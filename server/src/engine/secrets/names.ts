// Is this *name* one that holds a credential? Names come from every source enclint reads —
// Terraform attributes (`master_password`), environment variables (`DB_PASSWORD`), JSON/YAML keys
// (`clientSecret`), CloudFormation properties (`MasterUserPassword`) — so they are first split into
// lower-case words, whatever the casing or separator, and judged on those words.

/** `MasterUserPassword`, `DB_PASSWORD`, `client-secret`, `app.apiKey` → `['master','user','password']`, … */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Words (and joined word pairs) that mark a credential. A name matches when one of its words is one
 * of these, or when a run of its words joins to one (`api_key` → `apikey`), or when a single
 * unsplit word contains a long, unambiguous one (`dbpassword`, `MYSQL_ROOTPASSWORD`).
 */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode',
  'secret', 'secrets', 'token', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'authkey', 'authtoken',
  'credential', 'credentials', 'creds', 'auth', 'bearer',
  'masterkey', 'sharedkey', 'accountkey', 'storagekey', 'signingkey', 'rawkey', 'presharedkey', 'psk',
  'sastoken', 'connectionstring', 'connstr', 'webhook', 'sessionkey', 'clientkey',
]);

/** Unambiguous words worth finding inside a longer unsplit word (`rootpassword`, `githubtoken`). */
const EMBEDDED_WORDS = ['password', 'passwd', 'passphrase', 'secret', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'credential', 'token'];

/**
 * Last words that make the name *about* a secret rather than the secret itself: `password_policy`,
 * `token_ttl`, `secret_arn`, `kms_key_id`, `password_length`, `secret_name`, `token_url`.
 */
const METADATA_SUFFIXES = new Set([
  'policy', 'policies', 'ttl', 'arn', 'arns', 'id', 'ids', 'name', 'names', 'length', 'len', 'min', 'max', 'age', 'period',
  'days', 'hours', 'seconds', 'version', 'versions', 'type', 'types', 'mode', 'enabled', 'disabled', 'required', 'file', 'files',
  'path', 'paths', 'location', 'url', 'uri', 'endpoint', 'endpoints', 'count', 'rotation', 'expiration', 'expiry', 'expires',
  'timeout', 'duration', 'lifetime', 'validity', 'expire', 'format', 'header', 'prefix', 'suffix', 'hint', 'strength', 'complexity',
  'rule', 'rules', 'hash', 'hashed', 'digest', 'sha', 'sha256', 'salt', 'source', 'store', 'manager', 'ref', 'reference',
  'param', 'parameter', 'parameters', 'env', 'var', 'variable', 'field', 'key_id', 'stage', 'label', 'labels', 'tag', 'tags',
  'description', 'arn', 'provider', 'method', 'methods', 'flow', 'issuer', 'audience', 'scope', 'scopes', 'config',
  'configuration', 'settings', 'options', 'enforcement', 'reset', 'change', 'changed', 'last', 'updated', 'created',
  'generation', 'generator', 'generate', 'history', 'reuse', 'pattern', 'regex', 'encrypted', 'kms', 'template', 'placeholder',
  'secret_id', 'cache', 'size', 'limit', 'rate', 'retries', 'attempts', 'lockout', 'threshold', 'index', 'region',
  'prevention', 'requirements', 'spec', 'specification', 'usage', 'algorithm', 'algorithms', 'strategy', 'origin', 'validation', 'expression', 'minimum', 'maximum', 'chars', 'characters', 'uppercase', 'lowercase', 'numbers', 'symbols', 'count',
  'kind', 'expire', // `auth_kind: serviceaccount`, `password_expire: never` (Ansible)
]);

/** First words that make the name a switch or a bound: `enable_basic_auth`, `min_password_length`. */
const SWITCH_PREFIXES = new Set(['enable', 'enabled', 'disable', 'disabled', 'is', 'has', 'use', 'require', 'requires', 'allow', 'allowed', 'min', 'max', 'no', 'skip', 'should', 'can', 'num', 'number', 'manage', 'generate', 'rotate', 'create', 'ignore', 'minimum', 'maximum', 'hard', 'update', 'reset', 'change', 'expire', 'show', 'hide', 'prompt', 'validate', 'verify']);

/** Words that mean the value is public or only points at a secret held elsewhere. */
const NEUTRALISING_WORDS = new Set(['public', 'creation', 'idempotency', 'kms', 'arn', 'bypass', 'passthrough', 'passive', 'compass', 'pass_through', 'keyvault', 'vault', 'secretsmanager', 'ssm', 'sensitive', 'tokenizer', 'tokens']);

/**
 * Whether `name` reads as something that holds a credential (password, token, API key, private
 * key, client secret, access key, auth string, credentials…). Names that describe a secret without
 * holding it — policies, lifetimes, ARNs, ids, lengths, names, switches — are not.
 */
/**
 * Verdicts by name: a file asks about the same few names (description, tags, name…) thousands of
 * times, and the language server again on every keystroke. Bounded, so a stream of distinct names
 * cannot grow it without limit.
 */
const secretNameVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 10_000;

export function isSecretName(name: string): boolean {
  let verdict = secretNameVerdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeSecretName(name);
    if (secretNameVerdicts.size >= MAX_REMEMBERED_NAMES) secretNameVerdicts.clear();
    secretNameVerdicts.set(name, verdict);
  }
  return verdict;
}

function judgeSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words.some((w) => NEUTRALISING_WORDS.has(w))) return false;
  if (SWITCH_PREFIXES.has(words[0]) && words.length > 1) return false;
  const last = words[words.length - 1];
  if (words.length > 1 && METADATA_SUFFIXES.has(last)) return false;
  if (words.length > 2 && METADATA_SUFFIXES.has(words.slice(-2).join('_'))) return false;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i])) return !isWeakWordAlone(words, i);
    // Joined runs: `api_key` → `apikey`, `private_key`, `secret_access_key` → `secretaccesskey`…
    for (let j = i + 2; j <= Math.min(words.length, i + 3); j++) {
      const joined = words.slice(i, j).join('');
      if (SECRET_WORDS.has(joined) || joined === 'secretaccesskey' || joined === 'accesskeysecret') return true;
    }
  }
  return words.some((w) => w.length > 5 && EMBEDDED_WORDS.some((e) => w.includes(e) && w !== e && !w.startsWith('tokeniz')));
}

/** `pass`, `auth` and `bearer` are credentials only as whole names or with a credential-ish neighbour. */
function isWeakWordAlone(words: string[], index: number): boolean {
  const word = words[index];
  if (word === 'pass') return words.length > 1 && ['through', 'thru', 'role', 'fail', 'rate', 'count'].some((w) => words.includes(w));
  if (word === 'auth') {
    // `auth`, `basic_auth`, `auth_token`, `AUTH_KEY`, `redis_auth` are credentials; `auth_type` was excluded above.
    // (`authorization` is not a secret word at all: API Gateway's `authorization = "AWS_IAM"` is a mode.)
    return words.some((w) => ['method', 'mode', 'type', 'enabled', 'provider', 'flow', 'scheme', 'url', 'server', 'domain', 'level', 'role', 'user', 'username', 'name'].includes(w));
  }
  return false;
}
