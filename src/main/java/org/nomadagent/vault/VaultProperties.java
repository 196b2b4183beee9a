package org.nomadagent.vault;

import java.time.Duration;

import org.nomadagent.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code vault} options of the agent configuration. Defaults are Nomad v0.5's.
 *
 * <p>
 * {@code task-token-ttl} stays text here: Nomad parses it only when the server sets up its Vault
 * client, and a bad value must fail start-up with Nomad's own message ({@code failed to parse
 * TaskTokenTTL "x": ...}), which a binding failure could not give.
 *
 * @param address Address of Vault
 * @param allowUnauthenticated Whether jobs may request Vault policies without presenting a Vault
 * token; unset means false
 * @param enabled Whether the Vault integration is on; unset means false
 * @param taskTokenTtl TTL of the tokens derived for tasks, as a Go duration; 72h when empty
 * @param tlsCaFile PEM file of the CA certificates that sign Vault's certificate
 * @param tlsCaPath Directory of PEM CA certificates that sign Vault's certificate
 * @param tlsCertFile PEM client certificate presented to Vault
 * @param tlsKeyFile PEM private key of the client certificate
 * @param tlsServerName Server name (SNI) used when connecting to Vault
 * @param tlsSkipVerify Whether Vault's certificate is not verified; unset means false
 * @param token Vault token servers derive task tokens with
 * @param connectionRetryInterval Interval between attempts to reach Vault while it is
 * unreachable; not an agent configuration key (Nomad's is fixed), a Spring property only
 */
@ConfigurationProperties("nomad.vault")
public record VaultProperties(@DefaultValue("https://vault.service.consul:8200") String address,
		Boolean allowUnauthenticated, Boolean enabled, @DefaultValue("") String taskTokenTtl,
		@DefaultValue("") String tlsCaFile, @DefaultValue("") String tlsCaPath, @DefaultValue("") String tlsCertFile,
		@DefaultValue("") String tlsKeyFile, @DefaultValue("") String tlsServerName, Boolean tlsSkipVerify,
		@DefaultValue("") Secret token, @DefaultValue("30s") Duration connectionRetryInterval) {

	/**
	 * Returns whether the Vault integration is on.
	 */
	public boolean isEnabled() {
		return Boolean.TRUE.equals(this.enabled);
	}

	/**
	 * Returns whether jobs may request policies without a Vault token.
	 */
	public boolean allowsUnauthenticated() {
		return Boolean.TRUE.equals(this.allowUnauthenticated);
	}

}
