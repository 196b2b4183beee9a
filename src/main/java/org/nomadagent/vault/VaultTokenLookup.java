package org.nomadagent.vault;

import org.nomadagent.config.Secret;

/**
 * Looks up somebody else's Vault token with the server's token, as Nomad's {@code LookupToken}
 * does: only on the leader, only once connected, within the rate limit. The token looked up is
 * used for the one request and not kept.
 */
public final class VaultTokenLookup {

	private final VaultClient client;

	private final VaultConnection connection;

	private final VaultRateLimiter limiter;

	VaultTokenLookup(VaultClient client, VaultConnection connection, VaultRateLimiter limiter) {
		this.client = client;
		this.connection = connection;
		this.limiter = limiter;
	}

	/**
	 * Looks up a token.
	 * @param token the token
	 * @return what Vault says of it
	 * @throws VaultOperationException with Nomad's message when Vault cannot be used, or Vault's
	 * error (with the token redacted from its URL)
	 */
	public VaultTokenInfo lookup(Secret token) {
		this.connection.requireUsable();
		this.limiter.acquire();
		try {
			return this.client.lookupToken(token);
		}
		catch (VaultClientException ex) {
			throw new VaultOperationException(ex.getMessage(), ex.status() == 0 || ex.status() >= 500);
		}
	}

}
