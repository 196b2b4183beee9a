package org.nomadagent.consul;

import org.slf4j.Logger;

/**
 * Logs the outcome of a repeated background task once per change: a failure at WARN (its stack
 * trace at DEBUG) when it differs from the previous one, at TRACE when it repeats, and a recovery
 * at INFO when the task worked again after failing.
 */
final class WarningOnChange {

	private final Logger logger;

	private String lastFailure;

	WarningOnChange(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Records a failure.
	 * @param message the complete log message
	 * @param cause the exception, or {@code null}
	 */
	synchronized void failed(String message, Throwable cause) {
		if (!message.equals(this.lastFailure)) {
			this.logger.warn(message);
			if (cause != null) {
				this.logger.debug(message, cause);
			}
		}
		else {
			this.logger.trace(message);
		}
		this.lastFailure = message;
	}

	/**
	 * Records a success.
	 * @param message the log message for a recovery
	 */
	synchronized void succeeded(String message) {
		if (this.lastFailure != null) {
			this.logger.info(message);
		}
		this.lastFailure = null;
	}

}
