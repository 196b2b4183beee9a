package org.nomadagent.consul;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the agent's last exchange with Consul worked, for the {@code consul} health component
 * and stats. A change of state is logged once: a failure at WARN (its stack trace at DEBUG), a
 * recovery at INFO. The failures in between are logged at TRACE only, so that a Consul that stays
 * away does not flood the log, not even in dev mode, which logs at DEBUG.
 */
public final class ConsulAvailability {

	private static final Logger logger = LoggerFactory.getLogger(ConsulAvailability.class);

	private final URI address;

	private volatile State state = State.UNKNOWN;

	private volatile String error = "";

	/**
	 * Creates the tracker.
	 * @param address the URL Consul is reached at
	 */
	public ConsulAvailability(URI address) {
		this.address = address;
	}

	/**
	 * Records an exchange that worked.
	 */
	public void succeeded() {
		State previous = this.state;
		this.state = State.UP;
		this.error = "";
		if (previous == State.DOWN) {
			logger.info("consul: reached Consul at {} again", this.address);
		}
		else if (previous == State.UNKNOWN) {
			logger.debug("consul: reached Consul at {}", this.address);
		}
	}

	/**
	 * Records an exchange that failed.
	 * @param failure what went wrong
	 */
	public void failed(Exception failure) {
		State previous = this.state;
		this.state = State.DOWN;
		this.error = String.valueOf(failure.getMessage());
		if (previous != State.DOWN) {
			logger.warn("consul: cannot sync with Consul at {}, retrying: {}", this.address, this.error);
			logger.debug("consul: sync with Consul at {} failed", this.address, failure);
		}
		else {
			logger.trace("consul: sync with Consul at {} failed again: {}", this.address, this.error);
		}
	}

	/**
	 * Returns the state.
	 */
	public State state() {
		return this.state;
	}

	/**
	 * Returns the last error, {@code ""} when the last exchange worked.
	 */
	public String error() {
		return this.error;
	}

	/**
	 * Returns the URL Consul is reached at.
	 */
	public URI address() {
		return this.address;
	}

	/**
	 * The state of the connection to Consul.
	 */
	public enum State {

		/** Nothing has been sent yet. */
		UNKNOWN,

		/** The last exchange worked. */
		UP,

		/** The last exchange failed. */
		DOWN

	}

}
