// The same client: the password from the environment, TLS 1.2+, the JDK's verification.
package com.example.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

public final class CompliantClient {
  public static SSLContext modernContext() throws Exception {
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, null, null);
    return context;
  }

  public static void configure(SSLSocket socket) {
    socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
  }

  public static String password() {
    return System.getenv("DB_PASSWORD");
  }
}
