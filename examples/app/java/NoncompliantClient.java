// Every finding here is intentional.
package com.example.client;

import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

public final class NoncompliantClient {
  // no-plaintext-secret
  private static final String DB_PASSWORD = "Pr0d-DB-Passw0rd!";

  public static SSLContext legacyContext() throws Exception {
    // tls-min-version
    SSLContext context = SSLContext.getInstance("TLSv1");
    TrustManager[] trustAll = {
      new X509TrustManager() {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        // tls-no-disabled-verification: trusts every certificate
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
      }
    };
    context.init(null, trustAll, null);
    // tls-no-disabled-verification: any host name passes
    HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
    return context;
  }

  public static void configure(SSLSocket socket) {
    // tls-min-version
    socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.1", "TLSv1.2"});
  }

  public static String password() {
    return DB_PASSWORD;
  }
}
