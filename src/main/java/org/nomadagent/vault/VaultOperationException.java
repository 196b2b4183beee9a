package org.nomadagent.vault;

/**
 * A Vault operation of the server that cannot be done: deriving task tokens, looking up a token,
 * revoking accessors, checking a job's policies. The message is Nomad's; {@link #recoverable()}
 * says whether the caller may try again later (Nomad's {@code RecoverableError}): the Vault
 * client is not active or not connected yet, or Vault could not be reached, as opposed to a
 * request Vault refused ({@code invalid request}, {@code permission denied}).
 */
public class VaultOperationException extends RuntimeException {

	private final boolean recoverable;

	/**
	 * Creates the exception.
	 * @param message Nomad's message, free of secrets
	 * @param recoverable whether the operation may succeed if tried again later
	 */
	public VaultOperationException(String message, boolean recoverable) {
		super(message);
		this.recoverable = recoverable;
	}

	/**
	 * Returns whether the operation may succeed if tried again later.
	 */
	public boolean recoverable() {
		return this.recoverable;
	}

}
