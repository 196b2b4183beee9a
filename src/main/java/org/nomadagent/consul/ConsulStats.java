package org.nomadagent.consul;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nomadagent.agent.AgentStatsContributor;

/**
 * The {@code consul} section of {@code GET /v1/agent/self} stats, which Nomad v0.5 does not have:
 * whether Consul answers ({@code available}: {@code true}, {@code false} or {@code unknown}), the
 * services the agent keeps registered, and what the searches for servers found
 * ({@code discovered_peers} on a server, {@code discovered_servers} on a client), each list
 * comma-joined as Nomad joins lists in its stats.
 */
final class ConsulStats implements AgentStatsContributor {

	private final ConsulAvailability availability;

	private final ConsulServiceRegistrar registrar;

	private final ConsulPeerDiscovery peers;

	private final ConsulServerDiscovery servers;

	/**
	 * Creates the section; the parts the agent does not run are {@code null}.
	 */
	ConsulStats(ConsulAvailability availability, ConsulServiceRegistrar registrar, ConsulPeerDiscovery peers,
			ConsulServerDiscovery servers) {
		this.availability = availability;
		this.registrar = registrar;
		this.peers = peers;
		this.servers = servers;
	}

	@Override
	public String section() {
		return "consul";
	}

	@Override
	public Map<String, String> stats() {
		Map<String, String> stats = new LinkedHashMap<>();
		stats.put("available", switch (this.availability.state()) {
			case UP -> "true";
			case DOWN -> "false";
			case UNKNOWN -> "unknown";
		});
		if (this.peers != null) {
			stats.put("discovered_peers", String.join(",", this.peers.discovered()));
		}
		if (this.servers != null) {
			stats.put("discovered_servers", String.join(",", this.servers.discovered()));
		}
		if (this.registrar != null) {
			stats.put("registered_services", String.join(",", this.registrar.registered()));
		}
		return stats;
	}

}
