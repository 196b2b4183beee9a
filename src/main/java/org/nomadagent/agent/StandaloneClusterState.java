package org.nomadagent.agent;

import java.util.List;
import java.util.Optional;

/**
 * The {@link ClusterState} of a server that has not joined any other: it leads if it bootstraps
 * alone, and knows only its own region.
 */
public final class StandaloneClusterState implements ClusterState {

	private final AgentIdentity identity;

	/**
	 * Creates the state of a lone server.
	 * @param identity the agent
	 */
	public StandaloneClusterState(AgentIdentity identity) {
		this.identity = identity;
	}

	@Override
	public Optional<String> leader() {
		return this.identity.bootstrapsAlone() ? Optional.of(this.identity.rpcAdvertise().toString()) : Optional.empty();
	}

	@Override
	public List<String> peers() {
		return leader().map(List::of).orElse(List.of());
	}

	@Override
	public List<String> regions() {
		return List.of(this.identity.region());
	}

}
