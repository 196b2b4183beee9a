package org.nomadagent.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Makes throw-away certificates for TLS tests: a CA, server certificates with DNS and IP names,
 * and client certificates, written as PEM files with PKCS#1, PKCS#8 or EC keys.
 */
public final class TestCertificates {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private final KeyPair caKeys;

	private final X509Certificate ca;

	private TestCertificates(KeyPair caKeys, X509Certificate ca) {
		this.caKeys = caKeys;
		this.ca = ca;
	}

	/**
	 * Makes a new CA.
	 * @param name the CA's common name
	 * @return the CA
	 */
	public static TestCertificates authority(String name) {
		try {
			KeyPair keys = rsa();
			X500Name subject = new X500Name("CN=" + name);
			JcaX509v3CertificateBuilder builder = builder(subject, subject, keys);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			return new TestCertificates(keys, sign(builder, keys.getPrivate()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the CA certificate.
	 */
	public X509Certificate certificate() {
		return this.ca;
	}

	/**
	 * Issues a certificate.
	 * @param commonName the subject's common name
	 * @param dnsNames DNS names and IP addresses (those parsing as IPv4/IPv6 become IP names)
	 * @return the issued certificate and its key
	 */
	public Issued issue(String commonName, String... dnsNames) {
		return issue(commonName, "RSA", dnsNames);
	}

	/**
	 * Issues a certificate with an EC key.
	 * @param commonName the subject's common name
	 * @param names DNS names and IP addresses
	 * @return the issued certificate and its key
	 */
	public Issued issueEc(String commonName, String... names) {
		return issue(commonName, "EC", names);
	}

	private Issued issue(String commonName, String algorithm, String[] names) {
		try {
			KeyPair keys = algorithm.equals("EC") ? ec() : rsa();
			JcaX509v3CertificateBuilder builder = builder(new X500Name("CN=" + this.ca.getSubjectX500Principal().getName().substring(3)),
					new X500Name("CN=" + commonName), keys);
			List<GeneralName> generalNames = new ArrayList<>();
			for (String name : names) {
				boolean ip = name.matches("[0-9.]+") || name.contains(":");
				generalNames.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
			}
			if (!generalNames.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(generalNames.toArray(GeneralName[]::new)));
			}
			return new Issued(sign(builder, this.caKeys.getPrivate()), keys.getPrivate(), this.ca);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the CA certificate as PEM.
	 * @param file the file
	 * @return the file
	 */
	public Path writeCertificate(Path file) {
		return write(file, pem(this.ca));
	}

	private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
				keys.getPublic());
	}

	private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) throws Exception {
		String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
		return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
	}

	private static KeyPair rsa() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static KeyPair ec() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	static String pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An issued certificate and its private key.
	 *
	 * @param certificate the certificate
	 * @param key the private key
	 * @param issuer the CA certificate
	 */
	public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {

		/**
		 * Writes the certificate as PEM.
		 */
		public Path writeCertificate(Path file) {
			return write(file, pem(this.certificate));
		}

		/**
		 * Writes the key as PEM, PKCS#8 ({@code PRIVATE KEY}).
		 */
		public Path writePkcs8Key(Path file) {
			return write(file, pem(new PemObject("PRIVATE KEY", this.key.getEncoded())));
		}

		/**
		 * Writes the key in the traditional form: PKCS#1 ({@code RSA PRIVATE KEY}) or SEC 1
		 * ({@code EC PRIVATE KEY}).
		 */
		public Path writeTraditionalKey(Path file) {
			try {
				if (this.key.getAlgorithm().equals("EC")) {
					// SEC 1 with the named curve, as openssl and cfssl write it.
					PrivateKeyInfo info = PrivateKeyInfo.getInstance(this.key.getEncoded());
					ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
					ASN1ObjectIdentifier curve = ASN1ObjectIdentifier
						.getInstance(info.getPrivateKeyAlgorithm().getParameters());
					ECPrivateKey named = new ECPrivateKey(256, sec1.getKey(), sec1.getPublicKey(), curve);
					return write(file, pem(new PemObject("EC PRIVATE KEY", named.getEncoded())));
				}
				return write(file, pem(new JcaMiscPEMGenerator(this.key).generate()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Returns a server {@link SSLContext} presenting this certificate and trusting the
		 * issuer for client certificates.
		 */
		public SSLContext serverContext() {
			try {
				char[] password = "test".toCharArray();
				KeyStore keys = KeyStore.getInstance("PKCS12");
				keys.load(null, null);
				keys.setKeyEntry("server", this.key, password, new X509Certificate[] { this.certificate, this.issuer });
				KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(keys, password);
				KeyStore trust = KeyStore.getInstance("PKCS12");
				trust.load(null, null);
				trust.setCertificateEntry("ca", this.issuer);
				TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trustManagers.init(trust);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
				return context;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
