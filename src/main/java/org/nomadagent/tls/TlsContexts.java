package org.nomadagent.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * Builds the {@link SSLContext} of an HTTPS client from {@link TlsClientOptions}: the CA
 * certificates of a file and of every file of a directory (or the JVM's trusted CAs when none is
 * given), a PEM client certificate and key, TLS 1.2 at least, or no verification at all.
 */
public final class TlsContexts {

	private TlsContexts() {
	}

	/**
	 * Builds the context.
	 * @param options the options
	 * @param workingDirectory the directory relative file names are resolved against
	 * @return the context
	 * @throws TlsSetupException if a file is missing or holds no usable PEM content
	 */
	public static SSLContext clientContext(TlsClientOptions options, Path workingDirectory) throws TlsSetupException {
		if (!options.certFile().isEmpty() != !options.keyFile().isEmpty()) {
			throw new TlsSetupException("Both client cert and client key must be provided", null);
		}
		try {
			TrustManager[] trust = options.skipVerify() ? new TrustManager[] { new TrustEverything() }
					: trustManagers(options, workingDirectory);
			KeyManager[] keys = options.hasClientCertificate() ? keyManagers(options, workingDirectory) : null;
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys, trust, new SecureRandom());
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new TlsSetupException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static TrustManager[] trustManagers(TlsClientOptions options, Path workingDirectory)
			throws TlsSetupException, GeneralSecurityException {
		List<X509Certificate> authorities = new ArrayList<>();
		// As Vault's and Consul's Go clients do: a CA file, when given, wins over a CA directory.
		if (!options.caFile().isEmpty()) {
			authorities.addAll(certificates(options.caFile(), workingDirectory));
		}
		else if (!options.caPath().isEmpty()) {
			authorities.addAll(directory(options.caPath(), workingDirectory));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		if (authorities.isEmpty()) {
			factory.init((KeyStore) null);
		}
		else {
			KeyStore store = emptyStore();
			for (int i = 0; i < authorities.size(); i++) {
				store.setCertificateEntry("ca-" + i, authorities.get(i));
			}
			factory.init(store);
		}
		return factory.getTrustManagers();
	}

	private static KeyManager[] keyManagers(TlsClientOptions options, Path workingDirectory)
			throws TlsSetupException, GeneralSecurityException {
		List<X509Certificate> chain = certificates(options.certFile(), workingDirectory);
		PrivateKey key;
		try {
			key = PemContent.of(read(options.keyFile(), workingDirectory)).getPrivateKey();
		}
		catch (IllegalStateException ex) {
			throw new TlsSetupException("no PEM private key found in " + options.keyFile(), ex);
		}
		if (key == null) {
			throw new TlsSetupException("no PEM private key found in " + options.keyFile(), null);
		}
		KeyStore store = emptyStore();
		char[] password = new char[0];
		store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password);
		return factory.getKeyManagers();
	}

	private static List<X509Certificate> directory(String caPath, Path workingDirectory) throws TlsSetupException {
		Path directory = workingDirectory.resolve(caPath);
		List<Path> files;
		try (Stream<Path> entries = Files.list(directory)) {
			files = entries.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new TlsSetupException("open " + caPath + ": " + describe(ex), ex);
		}
		List<X509Certificate> certificates = new ArrayList<>();
		for (Path file : files) {
			// As Vault's client does, every file of the directory must hold certificates.
			certificates.addAll(certificates(workingDirectory.relativize(file).toString(), workingDirectory));
		}
		return certificates;
	}

	private static List<X509Certificate> certificates(String file, Path workingDirectory) throws TlsSetupException {
		List<X509Certificate> certificates;
		try {
			certificates = PemContent.of(read(file, workingDirectory)).getCertificates();
		}
		catch (IllegalStateException ex) {
			throw new TlsSetupException("no PEM certificate found in " + file, ex);
		}
		if (certificates == null || certificates.isEmpty()) {
			throw new TlsSetupException("no PEM certificate found in " + file, null);
		}
		return certificates;
	}

	private static String read(String file, Path workingDirectory) throws TlsSetupException {
		try {
			return Files.readString(workingDirectory.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new TlsSetupException("open " + file + ": " + describe(ex), ex);
		}
	}

	private static String describe(IOException ex) {
		return (ex instanceof NoSuchFileException) ? "no such file or directory" : String.valueOf(ex.getMessage());
	}

	private static KeyStore emptyStore() throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		try {
			store.load(null, null);
		}
		catch (IOException ex) {
			throw new GeneralSecurityException(ex);
		}
		return store;
	}

	/**
	 * Trusts every certificate: {@code verify_ssl = false} and {@code tls_skip_verify = true}.
	 */
	private static final class TrustEverything extends X509ExtendedTrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
