package org.nomadagent.vault;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VaultRateLimiter}: 500 requests a second, bursts of 500.
 */
class VaultRateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	private final VaultRateLimiter limiter = new VaultRateLimiter(VaultRateLimiter.NOMAD_RATE, this.now::get);

	@Test
	void burstOfFiveHundredRequestsGoesThroughAtOnce() {
		for (int i = 0; i < 500; i++) {
			assertThat(this.limiter.reserve()).isZero();
		}
	}

	@Test
	void requestBeyondTheBurstWaitsForItsShare() {
		for (int i = 0; i < 500; i++) {
			this.limiter.reserve();
		}
		assertThat(this.limiter.reserve()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(2));
		assertThat(this.limiter.reserve()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(4));
	}

	@Test
	void bucketRefillsWithTime() {
		for (int i = 0; i < 500; i++) {
			this.limiter.reserve();
		}
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
		for (int i = 0; i < 500; i++) {
			assertThat(this.limiter.reserve()).isZero();
		}
		assertThat(this.limiter.reserve()).isPositive();
	}

}
