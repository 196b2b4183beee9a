package org.nomadagent.vault;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.nomadagent.agent.AgentStartupException;
import org.nomadagent.config.GoDuration;
import org.nomadagent.config.GoDuration.InvalidDurationException;
import org.nomadagent.config.Secret;
import org.nomadagent.tls.TlsClientOptions;

/**
 * What a server needs to talk to Vault, checked as Nomad's {@code buildClient} checks it when the
 * server starts: a token, a task token TTL that parses and is at least five minutes (72h when
 * empty), and an address. A mistake fails start-up with Nomad's message, word for word (the same
 * words {@code config validate} uses).
 *
 * @param address the Vault address, scheme, host and port
 * @param token the server's Vault token
 * @param taskTokenTtl the TTL of task tokens, as sent to Vault ({@code 72h} by default)
 * @param taskTokenDuration the same TTL, parsed
 * @param tls the TLS options
 * @param connectionRetryInterval the interval between attempts to reach Vault
 */
public record VaultServerSettings(URI address, Secret token, String taskTokenTtl, Duration taskTokenDuration,
		TlsClientOptions tls, Duration connectionRetryInterval) {

	/** The prefix of every synchronous Vault set-up failure (Nomad's {@code NewServer}). */
	static final String SETUP_FAILED = "Error starting agent: server setup failed: Failed to setup Vault client: ";

	/** The TTL of task tokens when {@code task_token_ttl} is empty (Nomad's defaultTokenTTL). */
	static final String DEFAULT_TASK_TOKEN_TTL = "72h";

	private static final Duration MINIMUM_TASK_TOKEN_TTL = Duration.ofMinutes(5);

	/**
	 * Checks the {@code vault} options of a server.
	 * @param properties the options
	 * @return the settings
	 * @throws AgentStartupException with Nomad's message when an option is unusable
	 */
	public static VaultServerSettings of(VaultProperties properties) {
		if (properties.token().isEmpty()) {
			throw failed("Vault token must be set", null);
		}
		if (properties.address().isEmpty()) {
			throw failed("Vault address must be set", null);
		}
		String ttl = properties.taskTokenTtl().isEmpty() ? DEFAULT_TASK_TOKEN_TTL : properties.taskTokenTtl();
		Duration duration;
		try {
			duration = GoDuration.parse(ttl).duration();
		}
		catch (InvalidDurationException ex) {
			throw failed("failed to parse TaskTokenTTL " + quote(ttl) + ": " + ex.getMessage(), ex);
		}
		if (duration.compareTo(MINIMUM_TASK_TOKEN_TTL) < 0) {
			throw failed("ChildTokenTTL is less than minimum allowed of 5m0s", null);
		}
		TlsClientOptions tls = new TlsClientOptions(properties.tlsCaFile(), properties.tlsCaPath(),
				properties.tlsCertFile(), properties.tlsKeyFile(), properties.tlsServerName(),
				Boolean.TRUE.equals(properties.tlsSkipVerify()));
		return new VaultServerSettings(address(properties.address()), properties.token(), ttl, duration, tls,
				properties.connectionRetryInterval());
	}

	/**
	 * Nomad accepted any address Go's URL parser took and then failed every request; an address
	 * that cannot name a Vault server is refused at start here (docs/compatibility.md).
	 */
	private static URI address(String text) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme() : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw failed("invalid Vault address " + quote(text) + ": the scheme must be http or https", null);
			}
			if (uri.getHost() == null || uri.getHost().isEmpty()) {
				throw failed("invalid Vault address " + quote(text) + ": no host", null);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw failed("invalid Vault address " + quote(text) + ": " + ex.getReason(), ex);
		}
	}

	static AgentStartupException failed(String message, Throwable cause) {
		return new AgentStartupException(SETUP_FAILED + message, cause);
	}

	private static String quote(String text) {
		return org.nomadagent.config.hcl.GoStrconv.quote(text);
	}

	/**
	 * Returns the task token TTL in whole seconds.
	 */
	public long taskTokenSeconds() {
		return this.taskTokenDuration.toSeconds();
	}

	@Override
	public String toString() {
		// The token is a Secret, but say so plainly: this record never prints it.
		return "VaultServerSettings[address=" + this.address + ", taskTokenTtl=" + this.taskTokenTtl + "]";
	}

}
