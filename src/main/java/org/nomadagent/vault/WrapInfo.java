package org.nomadagent.vault;

import java.util.Map;

import org.nomadagent.config.Secret;

/**
 * The {@code wrap_info} of a response-wrapped token creation: the single-use wrapping token a
 * client unwraps at {@code cubbyhole/response}, its TTL, and the accessor of the token inside.
 *
 * @param token the wrapping token
 * @param ttl the wrapping token's TTL, in seconds
 * @param wrappedAccessor the accessor of the wrapped (task) token
 */
record WrapInfo(Secret token, long ttl, String wrappedAccessor) {

	static WrapInfo from(Map<String, ?> wrapInfo) {
		return new WrapInfo(new Secret(VaultValues.text(wrapInfo, "token")), VaultValues.number(wrapInfo, "ttl"),
				VaultValues.text(wrapInfo, "wrapped_accessor"));
	}

}
