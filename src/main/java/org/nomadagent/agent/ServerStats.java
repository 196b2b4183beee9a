package org.nomadagent.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code nomad} section of a server's stats: whether it runs a server, whether it leads, the
 * leader's address, and the number of known regions, as Nomad shows them.
 */
public final class ServerStats implements AgentStatsContributor {

	private final ClusterState cluster;

	/**
	 * Creates the section.
	 * @param cluster the cluster state
	 */
	public ServerStats(ClusterState cluster) {
		this.cluster = cluster;
	}

	@Override
	public String section() {
		return "nomad";
	}

	@Override
	public Map<String, String> stats() {
		Map<String, String> stats = new LinkedHashMap<>();
		stats.put("bootstrap", "false");
		stats.put("known_regions", Integer.toString(this.cluster.regions().size()));
		stats.put("leader", Boolean.toString(this.cluster.leader().isPresent()));
		stats.put("leader_addr", this.cluster.leader().orElse(""));
		stats.put("server", "true");
		return stats;
	}

}
