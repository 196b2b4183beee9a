package org.nomadagent.vault;

import java.util.List;
import java.util.Set;

/**
 * Checks, when a job is submitted, that its submitter may hand the job's tasks the Vault
 * policies they ask for, as Nomad's {@code Job.Register} does: Vault must be enabled; unless
 * {@code allow_unauthenticated} is set, the submitter's token must be given, is looked up with
 * the server's token, and must hold every requested policy (or {@code root}). The submitter's
 * token is used for that lookup only: it is neither kept nor logged.
 */
public final class JobVaultPolicyChecker {

	private final VaultProperties properties;

	private final VaultTokenLookup lookup;

	/**
	 * Creates the checker.
	 * @param properties the {@code vault} options
	 * @param lookup the token lookup, or {@code null} when Vault is not enabled
	 */
	public JobVaultPolicyChecker(VaultProperties properties, VaultTokenLookup lookup) {
		this.properties = properties;
		this.lookup = lookup;
	}

	/**
	 * Checks a submission.
	 * @param request the job's policies and the submitter's token
	 * @throws VaultOperationException with Nomad's message when the job may not be submitted
	 */
	public void check(JobVaultPolicyRequest request) {
		Set<String> requested = request.requestedPolicies();
		if (requested.isEmpty()) {
			return;
		}
		if (!this.properties.isEnabled() || this.lookup == null) {
			throw new VaultOperationException("Vault not enabled and Vault policies requested", false);
		}
		if (this.properties.allowsUnauthenticated()) {
			return;
		}
		if (request.vaultToken().isEmpty()) {
			throw new VaultOperationException("Vault policies requested but missing Vault Token", false);
		}
		List<String> allowed = this.lookup.lookup(request.vaultToken()).policies();
		if (allowed.contains("root")) {
			return;
		}
		List<String> missing = requested.stream().filter((policy) -> !allowed.contains(policy)).toList();
		if (!missing.isEmpty()) {
			throw new VaultOperationException(
					"Passed Vault Token doesn't allow access to the following policies: " + String.join(", ", missing),
					false);
		}
	}

}
