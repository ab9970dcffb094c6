"""Every finding here is intentional."""
import ssl

import requests

# no-plaintext-secret
API_TOKEN = "t0k-4f8a2c9e1b7d3a6f"
DB_PASSWORD = "Pr0d-DB-Passw0rd!"


def fetch(url: str) -> dict:
    # tls-no-disabled-verification
    return requests.get(url, headers={"Authorization": "Bearer " + API_TOKEN}, verify=False, timeout=10).json()


def legacy_context() -> ssl.SSLContext:
    # tls-min-version: pinned to TLS 1.0
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)


def partner_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    # tls-min-version: TLS 1.1 accepted
    ctx.minimum_version = ssl.TLSVersion.TLSv1_1
    # tls-no-disabled-verification
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx
