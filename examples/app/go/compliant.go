// The same client: the key from the environment, TLS 1.2+, verification on.
package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
)

// ModernClient verifies the server against the given pool and refuses anything below TLS 1.2.
func ModernClient(pool *x509.CertPool) *http.Client {
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		RootCAs:    pool,
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// ModernRequest reads the key from the environment.
func ModernRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err == nil {
		req.Header.Set("X-Api-Key", os.Getenv("PARTNER_API_KEY"))
	}
	return req, err
}
