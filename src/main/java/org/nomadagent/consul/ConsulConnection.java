package org.nomadagent.consul;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.nomadagent.config.Secret;
import org.nomadagent.config.hcl.GoStrconv;
import org.nomadagent.config.hcl.GoStrconv.GoSyntaxException;
import org.nomadagent.tls.TlsClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the agent reaches Consul, worked out from the {@code consul} block with the
 * {@code CONSUL_HTTP_*} environment variables filling its gaps, as Nomad v0.5's Consul client
 * does (reference §5.3, §8.9): the address ({@code 127.0.0.1:8500} when neither gives one), the
 * scheme, the ACL token, HTTP basic authentication, TLS and the request timeout.
 *
 * @param baseUrl the URL requests are made against, such as {@code http://127.0.0.1:8500}
 * @param token the ACL token sent as {@code X-Consul-Token}, empty for none
 * @param auth HTTP basic authentication as {@code user:password} (or {@code user}), empty for
 * none
 * @param tls the TLS options, used when the scheme is {@code https}
 * @param timeout the HTTP timeout
 */
public record ConsulConnection(URI baseUrl, Secret token, Secret auth, TlsClientOptions tls, Duration timeout) {

	/** The address used when neither the configuration nor the environment gives one. */
	static final String DEFAULT_ADDRESS = "127.0.0.1:8500";

	private static final Logger logger = LoggerFactory.getLogger(ConsulConnection.class);

	/**
	 * Works out the connection. A non-empty (or true) {@code consul} value wins over the
	 * environment. With {@code ssl = true} the configuration alone decides whether the
	 * certificate is verified; otherwise {@code CONSUL_HTTP_SSL} and
	 * {@code CONSUL_HTTP_SSL_VERIFY} decide, as in Nomad.
	 * @param properties the {@code consul} block
	 * @param environment the process environment
	 * @return the connection
	 */
	public static ConsulConnection of(ConsulProperties properties, ConsulEnvironment environment) {
		String address = firstNonEmpty(properties.address(), environment.variable("CONSUL_HTTP_ADDR"), DEFAULT_ADDRESS);
		boolean ssl = properties.ssl() || parseBool(environment, "CONSUL_HTTP_SSL", false);
		boolean verify = properties.ssl() ? properties.verifySsl()
				: parseBool(environment, "CONSUL_HTTP_SSL_VERIFY", true);
		// Later Consul clients accept a scheme in the address; a scheme given there wins.
		int schemeEnd = address.indexOf("://");
		if (schemeEnd > 0) {
			ssl = address.substring(0, schemeEnd).equalsIgnoreCase("https");
			address = address.substring(schemeEnd + 3);
		}
		Secret token = properties.token().isEmpty() ? new Secret(environment.variable("CONSUL_HTTP_TOKEN"))
				: properties.token();
		Secret auth = properties.auth().isEmpty() ? new Secret(environment.variable("CONSUL_HTTP_AUTH"))
				: properties.auth();
		String certFile = properties.certFile();
		String keyFile = properties.keyFile();
		if (certFile.isEmpty() != keyFile.isEmpty()) {
			// Nomad presents a client certificate only when both files are set, and ignores one alone.
			logger.warn("consul: {} is set without {}, so no client certificate is presented",
					certFile.isEmpty() ? "key_file" : "cert_file", certFile.isEmpty() ? "cert_file" : "key_file");
			certFile = "";
			keyFile = "";
		}
		TlsClientOptions tls = new TlsClientOptions(properties.caFile(), "", certFile, keyFile, "", !verify);
		return new ConsulConnection(URI.create((ssl ? "https://" : "http://") + address), token, auth, tls,
				properties.timeout());
	}

	/**
	 * Returns whether Consul is reached over HTTPS.
	 */
	public boolean https() {
		return "https".equals(this.baseUrl.getScheme());
	}

	/**
	 * Returns the user and password of HTTP basic authentication, split at the first colon (no
	 * colon: a user with an empty password), if authentication is configured.
	 */
	Optional<String[]> basicAuth() {
		if (this.auth.isEmpty()) {
			return Optional.empty();
		}
		String value = this.auth.value();
		int colon = value.indexOf(':');
		return Optional.of((colon < 0) ? new String[] { value, "" }
				: new String[] { value.substring(0, colon), value.substring(colon + 1) });
	}

	private static boolean parseBool(ConsulEnvironment environment, String name, boolean unset) {
		String value = environment.variable(name);
		if (value.isEmpty()) {
			return unset;
		}
		try {
			return GoStrconv.parseBool(value);
		}
		catch (GoSyntaxException ex) {
			// Consul's client warns and treats the value as false.
			logger.warn("consul: could not parse {}: {}", name, ex.getMessage());
			return false;
		}
	}

	private static String firstNonEmpty(String... values) {
		for (String value : values) {
			if (!value.isEmpty()) {
				return value;
			}
		}
		return "";
	}

}
