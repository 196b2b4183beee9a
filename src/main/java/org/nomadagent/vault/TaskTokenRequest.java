package org.nomadagent.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request for the Vault tokens of some tasks of one allocation: what Nomad's
 * {@code Node.DeriveVaultToken} RPC asks for once it has checked the node and the allocation
 * against the cluster state, with each task's policies taken from the allocation's job.
 *
 * @param nodeId the node the allocation runs on
 * @param allocationId the allocation
 * @param taskPolicies the Vault policies of each task, in the order the tasks were requested
 */
public record TaskTokenRequest(String nodeId, String allocationId, Map<String, List<String>> taskPolicies) {

	public TaskTokenRequest {
		nodeId = (nodeId != null) ? nodeId : "";
		allocationId = (allocationId != null) ? allocationId : "";
		Map<String, List<String>> copy = new LinkedHashMap<>();
		if (taskPolicies != null) {
			taskPolicies
				.forEach((task, policies) -> copy.put(task, (policies != null) ? List.copyOf(policies) : List.of()));
		}
		taskPolicies = Collections.unmodifiableMap(copy);
	}

	/**
	 * Checks what the request itself carries, with Nomad's messages.
	 * @throws VaultOperationException (not recoverable) naming the first problem
	 */
	void validate() {
		if (this.nodeId.isEmpty()) {
			throw new VaultOperationException("missing node ID", false);
		}
		if (this.allocationId.isEmpty()) {
			throw new VaultOperationException("missing allocation ID", false);
		}
		if (this.taskPolicies.isEmpty()) {
			throw new VaultOperationException("no tasks specified", false);
		}
		List<String> unneeded = new ArrayList<>();
		this.taskPolicies.forEach((task, policies) -> {
			if (policies.isEmpty()) {
				unneeded.add(task);
			}
		});
		if (!unneeded.isEmpty()) {
			throw new VaultOperationException(
					"Requested Vault tokens for tasks without defined Vault policies: " + String.join(", ", unneeded),
					false);
		}
	}

}
