package org.nomadagent.vault;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link VaultAccessorStore} in memory: the accessors of a lone server, lost on restart, until
 * servers replicate their state through Raft.
 */
public final class InMemoryVaultAccessorStore implements VaultAccessorStore {

	private final Map<String, VaultAccessor> accessors = new ConcurrentHashMap<>();

	@Override
	public void register(Collection<VaultAccessor> accessors) {
		accessors.forEach((accessor) -> this.accessors.put(accessor.accessor(), accessor));
	}

	@Override
	public void remove(Collection<VaultAccessor> accessors) {
		accessors.forEach((accessor) -> this.accessors.remove(accessor.accessor()));
	}

	@Override
	public List<VaultAccessor> all() {
		return List.copyOf(this.accessors.values());
	}

	@Override
	public List<VaultAccessor> byAllocation(String allocationId) {
		return this.accessors.values().stream().filter((a) -> a.allocationId().equals(allocationId)).toList();
	}

	@Override
	public List<VaultAccessor> byNode(String nodeId) {
		return this.accessors.values().stream().filter((a) -> a.nodeId().equals(nodeId)).toList();
	}

}
