package org.nomadagent.vault;

/**
 * A Vault request that failed: Vault answered with an error, or could not be reached. The
 * message is worded as Nomad's Vault library words it ({@code Error making API request. ...
 * Code: 403. Errors: * permission denied}), with any token in the URL replaced by
 * {@code <redacted>}, so that it can be returned and logged as is.
 */
public class VaultClientException extends RuntimeException {

	private final int status;

	/**
	 * Creates the exception.
	 * @param message the message, free of secrets
	 * @param status the HTTP status Vault answered with, or 0 when it was not reached
	 * @param cause the underlying error, or {@code null}
	 */
	public VaultClientException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * Returns the HTTP status Vault answered with, or 0 when it was not reached.
	 */
	public int status() {
		return this.status;
	}

}
