// The same service: secrets from the environment, TLS 1.2+, verification on.
import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { Pool } from 'pg';

const dbPassword = process.env.DB_PASSWORD;
const config = { apiKey: process.env.PARTNER_API_KEY, region: 'eu-west-1' };

export const pool = new Pool({
  host: 'db.internal',
  user: 'app',
  password: dbPassword,
  ssl: { rejectUnauthorized: true, ca: fs.readFileSync('/etc/ssl/certs/rds-ca.pem', 'utf8') },
});

export function listen(key: Buffer, cert: Buffer): https.Server {
  return https.createServer({ key, cert, minVersion: 'TLSv1.2' }, (_req, res) => res.end(config.region)).listen(8443);
}

export function callPartner(host: string): tls.TLSSocket {
  return tls.connect({ host, port: 443, minVersion: 'TLSv1.2' });
}
