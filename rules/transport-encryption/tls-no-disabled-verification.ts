// tls-no-disabled-verification: TLS clients must verify the server's certificate and host name.
// Encryption without authentication protects against no one on the path: whoever sits in the middle
// presents their own certificate and reads everything.
import { defineRule } from '../define';
import { checkDotenvVerification, checkJsonVerification, checkYamlVerification } from './verification-config';
import { checkScriptVerification } from './verification-script';
import { checkGoVerification, checkJavaVerification, checkPythonVerification } from './verification-tokens';

export const tlsNoDisabledVerification = defineRule({
  meta: {
    id: 'tls-no-disabled-verification',
    title: 'TLS certificate and host name verification must stay on',
    family: 'transport-encryption',
    severity: 'error',
    securitySeverity: 7.5,
    controls: ['SOC 2 CC6.7', 'HIPAA 164.312(e)(1)', 'HIPAA 164.312(e)(2)(ii)', 'OP-POL-001 §4 Encryption in transit'],
    description:
      'Flags application code that turns off TLS peer verification: `rejectUnauthorized: false`, `strictSSL: false`, an accept-all `checkServerIdentity` and `NODE_TLS_REJECT_UNAUTHORIZED=0` (JavaScript/TypeScript); `verify=False`, `check_hostname = False`, `CERT_NONE` and `ssl._create_unverified_context()` (Python); `InsecureSkipVerify: true` (Go); trust-all TrustManagers and HostnameVerifiers (Java); `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY=true` in `.env` files, container environments and templates, and `insecure_skip_verify: true`-style keys in YAML/JSON configuration.',
    rationale:
      'TLS only protects data in transit when the client checks who it is talking to. With verification off, anyone on the network path (a compromised router, a hostile Wi-Fi, a DNS spoof) can present their own certificate, decrypt the traffic — credentials, health records — and pass it on unnoticed. SOC 2 CC6.7 and HIPAA 164.312(e) require transmission security, which a disabled check silently defeats; such switches are usually left over from a test against a self-signed certificate, where trusting that CA is the right fix.',
    noncompliant: [
      { language: 'typescript', code: "https.get(url, { rejectUnauthorized: false });\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';" },
      { language: 'python', code: 'requests.get(url, verify=False)' },
      { language: 'go', code: 'cfg := &tls.Config{InsecureSkipVerify: true}' },
    ],
    compliant: [
      { language: 'typescript', code: 'https.get(url, { ca: fs.readFileSync(caPath) });' },
      { language: 'python', code: 'requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")' },
      { language: 'go', code: 'cfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}' },
    ],
    fix: 'Turns the check back on: `rejectUnauthorized: true`, `verify=True`, `check_hostname = True`, `CERT_REQUIRED`, `ssl.create_default_context()`, `InsecureSkipVerify: false`, or removes the NODE_TLS_REJECT_UNAUTHORIZED override and accept-all `checkServerIdentity`; in configuration it flips the switch back (`NODE_TLS_REJECT_UNAUTHORIZED=1`, `insecure_skip_verify: false`). Java trust-all TrustManagers and HostnameVerifiers need a person to remove them: no automatic fix.',
  },
  check: {
    typescript: checkScriptVerification,
    javascript: checkScriptVerification,
    python: checkPythonVerification,
    go: checkGoVerification,
    java: checkJavaVerification,
    dotenv: checkDotenvVerification,
    yaml: checkYamlVerification,
    'cloudformation-yaml': checkYamlVerification,
    json: checkJsonVerification,
    'cloudformation-json': checkJsonVerification,
  },
});
