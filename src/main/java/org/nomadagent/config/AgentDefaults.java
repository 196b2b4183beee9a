package org.nomadagent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration every agent starts from: Nomad v0.5's {@code DefaultConfig()} (with
 * {@code DefaultConsulConfig()} and {@code DefaultVaultConfig()}), and {@code DevConfig()} for
 * {@code -dev}. Values resolved only at run time (the node name, the number of schedulers, the
 * server data directory) are not part of it, exactly as in Nomad, so that
 * {@code /v1/agent/self} shows the same configuration.
 */
public final class AgentDefaults {

	/** The Vault address Nomad uses when none is configured. */
	public static final String VAULT_ADDRESS = "https://vault.service.consul:8200";

	private AgentDefaults() {
	}

	/**
	 * Returns the configuration of {@code DefaultConfig()}.
	 */
	public static ConfigLayer defaults() {
		ConfigOrigin origin = ConfigOrigin.DEFAULT;
		ConfigLayer.Builder layer = ConfigLayer.builder();
		layer.set("log_level", "INFO", origin)
			.set("region", "global", origin)
			.set("datacenter", "dc1", origin)
			.set("bind_addr", "127.0.0.1", origin)
			.set("syslog_facility", "LOCAL0", origin)
			.set("ports.http", 4646L, origin)
			.set("ports.rpc", 4647L, origin)
			.set("ports.serf", 4648L, origin)
			.set("client.network_speed", 100L, origin)
			.set("client.max_kill_timeout", "30s", origin)
			.set("client.client_min_port", 14000L, origin)
			.set("client.client_max_port", 14512L, origin)
			.set("server.retry_interval", "30s", origin)
			.set("telemetry.collection_interval", "1s", origin)
			.set("consul.server_service_name", "nomad", origin)
			.set("consul.client_service_name", "nomad-client", origin)
			.set("consul.auto_advertise", true, origin)
			.set("consul.server_auto_join", true, origin)
			.set("consul.client_auto_join", true, origin)
			.set("consul.ssl", false, origin)
			// Nomad v0.5 defaulted to false against its own documentation; see
			// docs/compatibility.md, D3.
			.set("consul.verify_ssl", true, origin)
			.set("consul.checks_use_advertise", false, origin)
			.set("consul.timeout", 5_000_000_000L, origin)
			.set("vault.address", VAULT_ADDRESS, origin);
		// Nomad's default server join lists are empty but not nil, so the API shows [].
		layer.setList(AgentConfigSchema.field("server.start_join"), List.of());
		layer.setList(AgentConfigSchema.field("server.retry_join"), List.of());
		return layer.build();
	}

	/**
	 * Returns the configuration of {@code DevConfig()}: the defaults plus a server and a client
	 * in one process, debug logging and debug routes.
	 * @param operatingSystem the value of the {@code os.name} system property, which decides the
	 * loopback interface name as in Nomad ({@code lo} on Linux, {@code lo0} on macOS)
	 */
	public static ConfigLayer dev(String operatingSystem) {
		ConfigOrigin origin = ConfigOrigin.DEV_MODE;
		ConfigLayer.Builder layer = defaults().toBuilder();
		layer.set("log_level", "DEBUG", origin)
			.set("client.enabled", true, origin)
			.set("server.enabled", true, origin)
			.set("enable_debug", true, origin)
			.set("disable_anonymous_signature", true, origin)
			.set("consul.auto_advertise", true, origin);
		String os = operatingSystem.toLowerCase(Locale.ROOT);
		if (os.contains("linux")) {
			layer.set("client.network_interface", "lo", origin);
		}
		else if (os.contains("mac") || os.contains("darwin")) {
			layer.set("client.network_interface", "lo0", origin);
		}
		// Nomad v0.5 replaced the first map with the second and so lost raw_exec; both are kept
		// here (docs/compatibility.md, D4).
		Map<String, Setting> options = new LinkedHashMap<>();
		options.put("driver.raw_exec.enable", new Setting("true", origin));
		options.put("driver.docker.volumes", new Setting("true", origin));
		layer.setMap(AgentConfigSchema.field("client.options"), options);
		return layer.build();
	}

}
