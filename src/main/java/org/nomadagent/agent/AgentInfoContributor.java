package org.nomadagent.agent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nomadagent.config.AgentVersion;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds the agent's version and identity to {@code /actuator/info}.
 */
final class AgentInfoContributor implements InfoContributor {

	private final AgentIdentity identity;

	AgentInfoContributor(AgentIdentity identity) {
		this.identity = identity;
	}

	@Override
	public void contribute(Info.Builder builder) {
		AgentVersion version = AgentVersion.current();
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("version", version.version());
		agent.put("prerelease", version.prerelease());
		agent.put("revision", version.revision());
		agent.put("nomadVersion", AgentVersion.NOMAD_VERSION);
		agent.put("node", this.identity.nodeName());
		agent.put("region", this.identity.region());
		agent.put("datacenter", this.identity.datacenter());
		agent.put("server", this.identity.server());
		agent.put("client", this.identity.client());
		builder.withDetail("agent", agent);
	}

}
