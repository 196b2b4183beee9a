package org.nomadagent.consul;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsulSchedule}.
 */
class ConsulScheduleTests {

	@Test
	void nomadsScheduleSyncsEveryFiveSecondsLessUpToAnEighth() {
		Random random = new Random(42);
		for (int i = 0; i < 1000; i++) {
			assertThat(ConsulSchedule.NOMAD.nextSync(random)).isBetween(Duration.ofMillis(4375), Duration.ofSeconds(5));
		}
	}

	@Test
	void retriesDoubleFromTheFirstRetryUpToTheLimit() {
		ConsulSchedule schedule = ConsulSchedule.NOMAD;
		Duration limit = schedule.syncInterval();
		assertThat(schedule.retry(1, limit)).hasSeconds(1);
		assertThat(schedule.retry(2, limit)).hasSeconds(2);
		assertThat(schedule.retry(3, limit)).hasSeconds(4);
		assertThat(schedule.retry(4, limit)).hasSeconds(5);
		assertThat(schedule.retry(1000, limit)).hasSeconds(5);
		assertThat(schedule.retry(5, schedule.discoveryRetryLimit())).hasSeconds(15);
	}

}
