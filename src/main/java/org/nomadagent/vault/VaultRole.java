package org.nomadagent.vault;

import java.util.Map;

/**
 * The settings of a token role ({@code auth/token/roles/<role>}) that Nomad checks before it
 * derives task tokens through the role.
 *
 * @param explicitMaxTtl the role's explicit maximum TTL, in seconds (0: none)
 * @param orphan whether the role's tokens are orphans
 * @param period the role's period, in seconds (0: not periodic)
 * @param renewable whether the role's tokens can be renewed
 */
record VaultRole(long explicitMaxTtl, boolean orphan, long period, boolean renewable) {

	static VaultRole from(Map<String, ?> data) {
		return new VaultRole(VaultValues.number(data, "explicit_max_ttl"), VaultValues.bool(data, "orphan"),
				VaultValues.number(data, "period"), VaultValues.bool(data, "renewable"));
	}

}
