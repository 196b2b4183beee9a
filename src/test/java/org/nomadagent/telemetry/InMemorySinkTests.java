package org.nomadagent.telemetry;

import java.time.Instant;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemorySink}: go-metrics' {@code InmemSink} and its {@code SIGUSR1} dump.
 */
class InMemorySinkTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2016-11-01T12:00:01Z"));

	private final InMemorySink sink = new InMemorySink(this.clock);

	private TimeZone zone;

	@BeforeEach
	void utc() {
		this.zone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
	}

	@AfterEach
	void restoreZone() {
		TimeZone.setDefault(this.zone);
	}

	@Test
	void dumpLeavesTheCurrentIntervalOut() {
		this.sink.accept("nomad.runtime.num_goroutines:12.0|g");
		assertThat(this.sink.dump()).isEmpty();
	}

	@Test
	void dumpWritesGaugesCountersAndSamplesAsNomadDoes() {
		this.sink.accept("nomad.web-1.runtime.num_goroutines:11.0|g");
		this.sink.accept("nomad.web-1.runtime.num_goroutines:12.0|g");
		this.sink.accept("nomad.nomad.rpc.query:1|c");
		this.clock.set(Instant.parse("2016-11-01T12:00:02.5Z"));
		this.sink.accept("nomad.nomad.rpc.query:1|c");
		this.sink.accept("nomad.nomad.plan.submit:10.0|ms");
		this.sink.accept("nomad.nomad.plan.submit:20.0|ms");
		this.clock.set(Instant.parse("2016-11-01T12:00:10Z"));
		assertThat(this.sink.dump()).isEqualTo("""
				[2016-11-01 12:00:00 +0000 UTC][G] 'nomad.web-1.runtime.num_goroutines': 12.000
				[2016-11-01 12:00:00 +0000 UTC][C] 'nomad.nomad.rpc.query': Count: 2 Sum: 2.000 LastUpdated: \
				2016-11-01 12:00:02.5 +0000 UTC
				[2016-11-01 12:00:00 +0000 UTC][S] 'nomad.nomad.plan.submit': Count: 2 Min: 10.000 Mean: 15.000 \
				Max: 20.000 Stddev: 7.071 Sum: 30.000 LastUpdated: 2016-11-01 12:00:02.5 +0000 UTC
				""");
	}

	@Test
	void intervalsAreKeptForAMinute() {
		for (int second = 0; second < 120; second += 10) {
			this.clock.set(Instant.parse("2016-11-01T12:00:00Z").plusSeconds(second));
			this.sink.accept("nomad.uptime:" + second + "|g");
		}
		String dump = this.sink.dump();
		assertThat(dump.lines()).hasSize(5);
		assertThat(dump).startsWith("[2016-11-01 12:01:00 +0000 UTC][G] 'nomad.uptime': 60.000")
			.contains("[2016-11-01 12:01:40 +0000 UTC][G] 'nomad.uptime': 100.000");
	}

	@Test
	void goTimeHasNanosecondsOnlyWhenThereAreAny() {
		assertThat(InMemorySink.goTime(Instant.parse("2016-11-01T12:00:00Z"))).isEqualTo("2016-11-01 12:00:00 +0000 UTC");
		assertThat(InMemorySink.goTime(Instant.parse("2016-11-01T12:00:00.000123Z")))
			.isEqualTo("2016-11-01 12:00:00.000123 +0000 UTC");
	}

}
