package org.nomadagent.tls;

/**
 * How an HTTPS client of the agent (to Consul, to Vault) sets up TLS, in the terms of the agent
 * configuration: PEM files, a directory of CA certificates, the server name to present and
 * verify, and whether to skip verification.
 *
 * @param caFile PEM file of CA certificates to trust, or {@code ""}
 * @param caPath directory whose every file holds PEM CA certificates to trust, or {@code ""};
 * ignored when {@code caFile} is given, as in Vault's and Consul's Go clients
 * @param certFile PEM client certificate to present, or {@code ""}
 * @param keyFile PEM private key of the client certificate (PKCS#1, PKCS#8 or EC), or {@code ""}
 * @param serverName name sent with SNI and checked against the server's certificate instead of
 * the host of the URL, or {@code ""}
 * @param skipVerify whether the server's certificate is not verified at all
 */
public record TlsClientOptions(String caFile, String caPath, String certFile, String keyFile, String serverName,
		boolean skipVerify) {

	/**
	 * Returns whether a client certificate is configured (both the certificate and the key).
	 */
	public boolean hasClientCertificate() {
		return !this.certFile.isEmpty() && !this.keyFile.isEmpty();
	}

}
