"""The same client: secrets from the environment, TLS 1.2+, verification on."""
import os
import ssl

import requests

API_TOKEN = os.environ["API_TOKEN"]
DB_PASSWORD = os.environ["DB_PASSWORD"]


def fetch(url: str) -> dict:
    return requests.get(url, headers={"Authorization": "Bearer " + API_TOKEN}, verify="/etc/ssl/certs/internal-ca.pem", timeout=10).json()


def modern_context() -> ssl.SSLContext:
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def partner_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
