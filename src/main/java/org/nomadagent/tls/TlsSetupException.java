package org.nomadagent.tls;

/**
 * A TLS configuration that cannot be used: a missing or unreadable file, a file that holds no
 * PEM certificate or key, a certificate without its key.
 */
public class TlsSetupException extends Exception {

	/**
	 * Creates the exception.
	 * @param message what is wrong, naming the file
	 * @param cause the underlying error, or {@code null}
	 */
	public TlsSetupException(String message, Throwable cause) {
		super(message, cause);
	}

}
