package org.nomadagent.http;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClusterState;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/status/leader}, {@code /v1/status/peers} and {@code /v1/regions} (reference §7.2).
 * A server answers from its own cluster view: without a leader, {@code leader} and {@code peers}
 * fail with 500 {@code No cluster leader}, as Nomad's do. A client-only agent would forward these
 * to its servers over Nomad RPC, which is not built yet, so it answers 500 saying so.
 */
@RestController
final class StatusEndpoint {

	static final String NO_RPC = "No servers to forward the request to: Nomad RPC between agents is not built yet";

	private final AgentIdentity identity;

	private final ClusterState cluster;

	StatusEndpoint(AgentIdentity identity, ClusterState cluster) {
		this.identity = identity;
		this.cluster = cluster;
	}

	@RequestMapping("/v1/status/leader")
	void leader(HttpServletRequest request, HttpServletResponse response) {
		requireServerQuery(request);
		String leader = this.cluster.leader().orElseThrow(() -> new CodedException(500, "No cluster leader"));
		ApiResponses.json(request, response, leader);
	}

	@RequestMapping("/v1/status/peers")
	void peers(HttpServletRequest request, HttpServletResponse response) {
		requireServerQuery(request);
		if (this.cluster.leader().isEmpty()) {
			throw new CodedException(500, "No cluster leader");
		}
		ApiResponses.json(request, response, this.cluster.peers());
	}

	@RequestMapping("/v1/regions")
	void regions(HttpServletRequest request, HttpServletResponse response) {
		requireServerQuery(request);
		ApiResponses.json(request, response, this.cluster.regions());
	}

	private void requireServerQuery(HttpServletRequest request) {
		ApiRequests.requireMethod(request, "GET");
		ApiRequests.queryRegion(request, Set.copyOf(this.cluster.regions()), this.identity.region());
		if (!this.identity.server()) {
			throw new CodedException(500, NO_RPC);
		}
	}

}
