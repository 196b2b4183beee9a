package org.nomadagent.config;

import java.util.List;

/**
 * The agent's effective configuration, as Nomad's {@code readConfig} builds it: the defaults (or
 * the {@code -dev} defaults), every {@code -config} file in order, the command-line flags, and
 * {@code VAULT_TOKEN}, merged with Nomad's rules. Every value keeps its origin.
 *
 * @param layer the merged values
 * @param devMode whether the agent runs with {@code -dev}
 */
public record AgentConfig(ConfigLayer layer, boolean devMode) {

	/**
	 * Returns the configuration files that were loaded, in order.
	 */
	public List<String> files() {
		return this.layer.files();
	}

	/**
	 * Returns whether the agent runs a server.
	 */
	public boolean serverEnabled() {
		return this.layer.bool("server.enabled");
	}

	/**
	 * Returns whether the agent runs a client.
	 */
	public boolean clientEnabled() {
		return this.layer.bool("client.enabled");
	}

	/**
	 * Returns whether Vault integration is switched on ({@code vault.enabled} explicitly true).
	 */
	public boolean vaultEnabled() {
		return this.layer.optionalBool("vault.enabled").orElse(false);
	}

	@Override
	public String toString() {
		return "AgentConfig" + files() + (this.devMode ? " (dev mode)" : "");
	}

}
