package org.nomadagent.agent;

import java.util.List;
import java.util.Optional;

/**
 * What the agent knows of its cluster: the leader, the Raft peers and the regions. Until servers
 * form clusters (the {@code cluster} package, not built yet), a server knows only itself: a
 * server that bootstraps alone ({@code -dev}, or {@code bootstrap_expect = 1}) is its own leader
 * and only peer; any other server waits for peers and has no leader.
 */
public interface ClusterState {

	/**
	 * Returns the RPC address of the leader, as {@code ip:port}, if there is one.
	 */
	Optional<String> leader();

	/**
	 * Returns the RPC addresses of the Raft peers.
	 */
	List<String> peers();

	/**
	 * Returns the known regions, sorted.
	 */
	List<String> regions();

}
