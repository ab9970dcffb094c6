// Every finding here is intentional.
package client

import (
	"crypto/tls"
	"net/http"
)

// no-plaintext-secret
var apiKey = "k-7f3e9a1c5b2d8e4f"

// LegacyClient accepts old protocols and any certificate.
func LegacyClient() *http.Client {
	cfg := &tls.Config{
		MinVersion:         tls.VersionTLS10, // tls-min-version
		InsecureSkipVerify: true,             // tls-no-disabled-verification
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// LegacyRequest sends the hard-coded key.
func LegacyRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err == nil {
		req.Header.Set("X-Api-Key", apiKey)
	}
	return req, err
}
