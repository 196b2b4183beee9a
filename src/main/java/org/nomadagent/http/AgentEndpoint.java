package org.nomadagent.http;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClientServers;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /v1/agent/*} routes that exist without a cluster (reference §7.3, 7.4, 7.7):
 * {@code self}, {@code members} (servers) and {@code servers} (clients). {@code join},
 * {@code force-leave} and {@code keyring} need Serf and are not built yet, so they are absent.
 */
@RestController
final class AgentEndpoint {

	private final AgentSelfView self;

	private final AgentIdentity identity;

	private final ClientServers servers;

	AgentEndpoint(AgentSelfView self, AgentIdentity identity, ClientServers servers) {
		this.self = self;
		this.identity = identity;
		this.servers = servers;
	}

	@RequestMapping("/v1/agent/self")
	void self(HttpServletRequest request, HttpServletResponse response) {
		ApiRequests.requireMethod(request, "GET");
		if (ApiResponses.pretty(request)) {
			ApiResponses.json(request, response, this.self.value());
		}
		else {
			ApiResponses.jsonText(request, response, this.self.json());
		}
	}

	@RequestMapping("/v1/agent/members")
	void members(HttpServletRequest request, HttpServletResponse response) {
		if (!this.identity.server()) {
			throw CodedException.notImplemented();
		}
		ApiRequests.requireMethod(request, "GET");
		ApiResponses.json(request, response, List.of(this.self.member()));
	}

	@RequestMapping("/v1/agent/servers")
	void servers(HttpServletRequest request, HttpServletResponse response) {
		if (!this.identity.client()) {
			throw CodedException.notImplemented();
		}
		if (request.getMethod().equals("GET")) {
			ApiResponses.json(request, response, this.servers.endpoints());
			return;
		}
		ApiRequests.requireMethod(request, "PUT", "POST");
		String[] addresses = request.getParameterMap().get("address");
		if (addresses == null || addresses.length == 0) {
			throw new CodedException(400, "missing server address");
		}
		try {
			this.servers.replace(Arrays.asList(addresses));
		}
		catch (IllegalArgumentException ex) {
			throw new CodedException(400, ex.getMessage());
		}
		ApiResponses.empty(response);
	}

}
