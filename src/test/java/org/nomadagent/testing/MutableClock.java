package org.nomadagent.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets or moves forward by hand, in UTC.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock at 2016-11-01T12:00:00Z (in Nomad v0.5's time).
	 */
	public MutableClock() {
		this(Instant.parse("2016-11-01T12:00:00Z"));
	}

	/**
	 * Creates a clock at a given instant.
	 * @param now the clock's time
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Moves the clock forward.
	 * @param duration by how much
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	/**
	 * Sets the clock.
	 * @param now the clock's new time
	 */
	public void set(Instant now) {
		this.now = now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
