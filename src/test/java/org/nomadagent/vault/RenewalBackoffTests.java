package org.nomadagent.vault;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RenewalBackoff}: Nomad's renewal back-off.
 */
class RenewalBackoffTests {

	private static final Duration FAR = Duration.ofHours(1);

	private final RenewalBackoff backoff = new RenewalBackoff();

	@Test
	void waitStartsAtFiveSecondsAndGrowsByAQuarter() {
		assertThat(this.backoff.next(FAR, 0)).isEqualTo(Duration.ofMillis(5000));
		assertThat(this.backoff.next(FAR, 0)).isEqualTo(Duration.ofMillis(6250));
		assertThat(this.backoff.next(FAR, 0)).isEqualTo(Duration.ofMillis(7812));
	}

	@Test
	void waitBecomesThirtySecondsOnceItReachesTwentyFour() {
		Duration wait = Duration.ZERO;
		for (int i = 0; i < 10; i++) {
			wait = this.backoff.next(FAR, 0);
		}
		assertThat(wait).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void randomFactorIsKeptInTheNextWait() {
		assertThat(this.backoff.next(FAR, 0.5)).isEqualTo(Duration.ofMillis(7500));
		// 7.5 s × 1.25 × 1.5
		assertThat(this.backoff.next(FAR, 0.5)).isEqualTo(Duration.ofMillis(14062));
	}

	@Test
	void waitIsNeverMoreThanHalfTheTimeLeft() {
		assertThat(this.backoff.next(Duration.ofSeconds(3), 0.9)).isEqualTo(Duration.ofMillis(1500));
		assertThat(this.backoff.next(Duration.ofMillis(500), 0.9)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void expiredTokenStopsTheRetries() {
		assertThat(this.backoff.next(Duration.ofMillis(-1), 0)).isNull();
	}

	@Test
	void resetStartsAgainAtFiveSeconds() {
		this.backoff.next(FAR, 0);
		this.backoff.next(FAR, 0);
		this.backoff.reset();
		assertThat(this.backoff.next(FAR, 0)).isEqualTo(Duration.ofSeconds(5));
	}

}
