package org.nomadagent.vault;

import java.util.List;
import java.util.Map;

import org.nomadagent.config.Secret;

/**
 * The tokens derived for the tasks of an allocation: for each task the single-use wrapping token
 * its client unwraps at {@code cubbyhole/response} (Nomad's {@code DeriveVaultTokenResponse.Tasks}),
 * and the accessors the server recorded. Tokens are {@link Secret}s: never printed.
 *
 * @param wrappingTokens the wrapping token of each task
 * @param accessors the recorded accessors of the task tokens
 */
public record DerivedTaskTokens(Map<String, Secret> wrappingTokens, List<VaultAccessor> accessors) {

	public DerivedTaskTokens {
		wrappingTokens = Map.copyOf(wrappingTokens);
		accessors = List.copyOf(accessors);
	}

}
