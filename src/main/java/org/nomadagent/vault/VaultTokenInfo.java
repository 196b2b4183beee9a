package org.nomadagent.vault;

import java.util.List;
import java.util.Map;

/**
 * What a token lookup ({@code auth/token/lookup-self}, {@code auth/token/lookup/<token>}) tells
 * about a token, in the fields Nomad reads. The token itself is not kept.
 *
 * @param policies the token's policies
 * @param role the role the token was created from, or {@code ""}
 * @param creationTtl the TTL the token was created with, in seconds (0: none)
 * @param ttl the TTL left, in seconds
 * @param renewable whether the token can be renewed
 */
public record VaultTokenInfo(List<String> policies, String role, long creationTtl, long ttl, boolean renewable) {

	/**
	 * Reads the {@code data} block of a lookup.
	 * @param data the block, or {@code null}
	 * @return the token's information
	 */
	static VaultTokenInfo from(Map<String, ?> data) {
		return new VaultTokenInfo(VaultValues.texts(data, "policies"), VaultValues.text(data, "role"),
				VaultValues.number(data, "creation_ttl"), VaultValues.number(data, "ttl"),
				VaultValues.bool(data, "renewable"));
	}

	/**
	 * Returns whether the token holds the {@code root} policy.
	 */
	public boolean root() {
		return this.policies.contains("root");
	}

}
