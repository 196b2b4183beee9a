package org.nomadagent.vault;

import java.util.Collection;
import java.util.List;

/**
 * Where a server keeps the accessors of the task tokens it derived. Nomad commits them through
 * Raft before the tokens are handed out and removes them once revoked; until servers replicate
 * state, {@link InMemoryVaultAccessorStore} keeps them for the life of the process.
 */
public interface VaultAccessorStore {

	/**
	 * Records accessors; called before the tokens are returned.
	 * @param accessors the accessors
	 * @throws RuntimeException if they cannot be recorded (the tokens are then not handed out)
	 */
	void register(Collection<VaultAccessor> accessors);

	/**
	 * Forgets accessors whose tokens were revoked.
	 * @param accessors the accessors
	 * @throws RuntimeException if they cannot be removed (revocation is then retried)
	 */
	void remove(Collection<VaultAccessor> accessors);

	/**
	 * Returns every recorded accessor.
	 */
	List<VaultAccessor> all();

	/**
	 * Returns the accessors of an allocation's tasks.
	 * @param allocationId the allocation
	 */
	List<VaultAccessor> byAllocation(String allocationId);

	/**
	 * Returns the accessors of the tasks running on a node.
	 * @param nodeId the node
	 */
	List<VaultAccessor> byNode(String nodeId);

}
