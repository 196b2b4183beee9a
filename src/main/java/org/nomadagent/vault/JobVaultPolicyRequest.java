package org.nomadagent.vault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.nomadagent.config.Secret;

/**
 * What a job submission asks of Vault: the policies of each task that has a {@code vault} block
 * (Nomad's {@code Job.VaultPolicies()}, by task group, then task), and the Vault token the
 * submitter presented ({@code VaultToken}), which the job must not keep.
 *
 * @param policies the Vault policies of each task, by task group and task
 * @param vaultToken the submitter's Vault token, {@link Secret#NONE} when none was given
 */
public record JobVaultPolicyRequest(Map<String, Map<String, List<String>>> policies, Secret vaultToken) {

	public JobVaultPolicyRequest {
		Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
		if (policies != null) {
			policies.forEach((group, tasks) -> copy.put(group, Map.copyOf(tasks)));
		}
		policies = Collections.unmodifiableMap(copy);
		vaultToken = (vaultToken != null) ? vaultToken : Secret.NONE;
	}

	/**
	 * Returns every requested policy, once, sorted (Nomad's {@code VaultPoliciesSet}).
	 */
	public Set<String> requestedPolicies() {
		Set<String> all = new TreeSet<>();
		this.policies.values().forEach((tasks) -> tasks.values().forEach(all::addAll));
		return all;
	}

}
