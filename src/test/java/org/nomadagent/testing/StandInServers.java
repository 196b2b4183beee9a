package org.nomadagent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The HTTP and HTTPS servers on the IPv4 loopback that the stand-ins for Consul, Vault and
 * Circonus serve on. The servers are returned unstarted, for the caller's handlers.
 */
public final class StandInServers {

	private StandInServers() {
	}

	/**
	 * Creates a plain-HTTP server.
	 * @param port the port, or 0 for a free one
	 * @return the server, not started
	 */
	public static HttpServer http(int port) {
		try {
			return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Creates an HTTPS server on a free port.
	 * @param context the server's TLS context (its certificate, and the CAs it trusts)
	 * @param requireClientCertificate whether a client must present a certificate
	 * @return the server, not started
	 */
	public static HttpsServer https(SSLContext context, boolean requireClientCertificate) {
		HttpsServer server;
		try {
			server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setHttpsConfigurator(new HttpsConfigurator(context) {

			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
				ssl.setNeedClientAuth(requireClientCertificate);
				parameters.setSSLParameters(ssl);
			}

		});
		return server;
	}

}
