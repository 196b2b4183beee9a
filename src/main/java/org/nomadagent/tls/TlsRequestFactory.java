package org.nomadagent.tls;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * A {@link ClientHttpRequestFactory} for the agent's HTTPS clients, built on the JDK's
 * {@link HttpURLConnection} so that TLS is set per connection (the JDK's {@code HttpClient}
 * can only switch off hostname checks for the whole JVM): the {@link SSLContext} of
 * {@link TlsContexts}, a server name sent with SNI and verified instead of the URL's host, or no
 * verification at all.
 */
public final class TlsRequestFactory extends SimpleClientHttpRequestFactory {

	private final SSLSocketFactory sockets;

	private final boolean skipVerify;

	private TlsRequestFactory(SSLSocketFactory sockets, boolean skipVerify, Duration connectTimeout,
			Duration readTimeout) {
		this.sockets = sockets;
		this.skipVerify = skipVerify;
		setConnectTimeout(connectTimeout);
		setReadTimeout(readTimeout);
	}

	/**
	 * Creates a request factory.
	 * @param options the TLS options
	 * @param workingDirectory the directory relative file names are resolved against
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return the factory
	 * @throws TlsSetupException if the TLS files cannot be used
	 */
	public static TlsRequestFactory of(TlsClientOptions options, Path workingDirectory, Duration connectTimeout,
			Duration readTimeout) throws TlsSetupException {
		SSLContext context = TlsContexts.clientContext(options, workingDirectory);
		SSLSocketFactory sockets = context.getSocketFactory();
		if (!options.serverName().isEmpty()) {
			sockets = new ServerNameSocketFactory(sockets, options.serverName());
		}
		return new TlsRequestFactory(sockets, options.skipVerify(), connectTimeout, readTimeout);
	}

	@Override
	protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
		super.prepareConnection(connection, httpMethod);
		if (connection instanceof HttpsURLConnection https) {
			https.setSSLSocketFactory(this.sockets);
			if (this.skipVerify) {
				https.setHostnameVerifier((host, session) -> true);
			}
		}
	}

	/**
	 * Sends a fixed server name with SNI and has the TLS layer check the server's certificate
	 * against it, whatever host the URL names.
	 */
	static final class ServerNameSocketFactory extends SSLSocketFactory {

		private final SSLSocketFactory delegate;

		private final String serverName;

		ServerNameSocketFactory(SSLSocketFactory delegate, String serverName) {
			this.delegate = delegate;
			this.serverName = serverName;
		}

		@Override
		public String[] getDefaultCipherSuites() {
			return this.delegate.getDefaultCipherSuites();
		}

		@Override
		public String[] getSupportedCipherSuites() {
			return this.delegate.getSupportedCipherSuites();
		}

		@Override
		public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
			return named(this.delegate.createSocket(socket, this.serverName, port, autoClose));
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return named(this.delegate.createSocket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return named(this.delegate.createSocket(host, port, localHost, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return named(this.delegate.createSocket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return named(this.delegate.createSocket(address, port, localAddress, localPort));
		}

		@Override
		public Socket createSocket() throws IOException {
			return named(this.delegate.createSocket());
		}

		private Socket named(Socket socket) {
			if (socket instanceof SSLSocket ssl) {
				SSLParameters parameters = ssl.getSSLParameters();
				parameters.setServerNames(List.of(new SNIHostName(this.serverName)));
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				ssl.setSSLParameters(parameters);
			}
			return socket;
		}

	}

}
