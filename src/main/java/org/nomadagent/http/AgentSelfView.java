package org.nomadagent.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.AgentStatsContributor;
import org.nomadagent.agent.LiveAgentConfig;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentConfigView;
import org.nomadagent.config.AgentVersion;
import org.nomadagent.config.JsonText;

/**
 * The body of {@code GET /v1/agent/self}: {@code config} (the configuration view, redacted),
 * {@code member} (the agent as a cluster member) and {@code stats} (one section per subsystem
 * that exists). The configuration view changes only on reload, so its JSON is written once per
 * configuration.
 */
final class AgentSelfView {

	private final LiveAgentConfig live;

	private final AgentIdentity identity;

	private final List<AgentStatsContributor> stats;

	private final AgentVersion version = AgentVersion.current();

	private volatile Cached cached;

	AgentSelfView(LiveAgentConfig live, AgentIdentity identity, List<AgentStatsContributor> stats) {
		this.live = live;
		this.identity = identity;
		this.stats = stats;
	}

	/**
	 * Returns the compact JSON of the body.
	 */
	String json() {
		Cached config = config();
		return "{\"config\":" + config.json() + ",\"member\":" + JsonText.compact(member()) + ",\"stats\":"
				+ JsonText.compact(stats()) + "}";
	}

	/**
	 * Returns the body as a value (for indented output).
	 */
	Map<String, Object> value() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("config", config().view());
		body.put("member", member());
		body.put("stats", stats());
		return body;
	}

	/**
	 * Returns the agent as a cluster member, in the shape of Serf's member: a server shows
	 * itself; a client-only agent shows Nomad's zero member.
	 */
	Map<String, Object> member() {
		Map<String, Object> member = new TreeMap<>();
		if (!this.identity.server()) {
			member.put("Addr", null);
			member.put("DelegateCur", 0);
			member.put("DelegateMax", 0);
			member.put("DelegateMin", 0);
			member.put("Name", "");
			member.put("Port", 0);
			member.put("ProtocolCur", 0);
			member.put("ProtocolMax", 0);
			member.put("ProtocolMin", 0);
			member.put("Status", "none");
			member.put("Tags", null);
			return member;
		}
		member.put("Addr", this.identity.serfAdvertise().host());
		member.put("DelegateCur", 4);
		member.put("DelegateMax", 4);
		member.put("DelegateMin", 2);
		member.put("Name", this.identity.memberName());
		member.put("Port", this.identity.serfAdvertise().port());
		member.put("ProtocolCur", 2);
		member.put("ProtocolMax", 4);
		member.put("ProtocolMin", 1);
		member.put("Status", "alive");
		member.put("Tags", tags());
		return member;
	}

	private Map<String, String> tags() {
		Map<String, String> tags = new TreeMap<>();
		tags.put("build", this.version.build());
		tags.put("dc", this.identity.datacenter());
		tags.put("mvn", "1");
		tags.put("port", Long.toString(this.identity.rpcAdvertise().port()));
		tags.put("region", this.identity.region());
		tags.put("role", "nomad");
		tags.put("vsn", "1");
		if (this.identity.bootstrapsAlone()) {
			tags.put("bootstrap", "1");
		}
		if (this.identity.bootstrapExpect() > 1) {
			tags.put("expect", Long.toString(this.identity.bootstrapExpect()));
		}
		return tags;
	}

	private Map<String, Object> stats() {
		Map<String, Object> sections = new TreeMap<>();
		for (AgentStatsContributor contributor : this.stats) {
			sections.put(contributor.section(), new TreeMap<>(contributor.stats()));
		}
		return sections;
	}

	private Cached config() {
		AgentConfig current = this.live.current();
		Cached cached = this.cached;
		if (cached == null || cached.config() != current) {
			Map<String, Object> view = AgentConfigView.of(current, this.version);
			cached = new Cached(current, view, JsonText.compact(view));
			this.cached = cached;
		}
		return cached;
	}

	private record Cached(AgentConfig config, Map<String, Object> view, String json) {
	}

}
