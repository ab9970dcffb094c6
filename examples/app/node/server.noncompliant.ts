// Every finding here is intentional.
import https from 'node:https';
import tls from 'node:tls';
import { Pool } from 'pg';

// no-plaintext-secret: credentials in source code.
const dbPassword = 'Pr0d-DB-Passw0rd!';
const config = { apiKey: 'k-7f3e9a1c5b2d8e4f', region: 'eu-west-1' };

// tls-no-disabled-verification: every TLS connection of the process skips verification.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export const pool = new Pool({
  host: 'db.internal',
  user: 'app',
  password: dbPassword,
  // tls-no-disabled-verification: the database certificate is never checked.
  ssl: { rejectUnauthorized: false },
});

export function listen(key: Buffer, cert: Buffer): https.Server {
  // tls-min-version: TLS 1.0 accepted.
  return https.createServer({ key, cert, minVersion: 'TLSv1' }, (_req, res) => res.end(config.region)).listen(8443);
}

export function callPartner(host: string): tls.TLSSocket {
  // tls-min-version: pinned to TLS 1.1.
  return tls.connect({ host, port: 443, secureProtocol: 'TLSv1_1_method' });
}
