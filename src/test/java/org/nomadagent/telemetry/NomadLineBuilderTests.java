package org.nomadagent.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.statsd.StatsdMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link NomadLineBuilder} and the sink registries: the lines go-metrics writes.
 */
class NomadLineBuilderTests {

	private final MetricKeys keys = new MetricKeys();

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private StatsdMeterRegistry registry;

	@AfterEach
	void close() {
		if (this.registry != null) {
			this.registry.close();
		}
	}

	@Test
	void counterIncrementIsAStatsdCounterLineWithGoDecimals() {
		NomadMetrics metrics = metrics(SinkFormat.STATSD, "web-1", "");
		metrics.counter("nomad", "rpc", "query").increment();
		assertThat(this.lines).containsExactly("nomad.nomad.rpc.query:1.000000|c");
	}

	@Test
	void timerRecordingIsATimingInMilliseconds() {
		NomadMetrics metrics = metrics(SinkFormat.STATSD, "web-1", "");
		metrics.timer("nomad", "client", "derive_vault_token").record(15_250, TimeUnit.MICROSECONDS);
		assertThat(this.lines).containsExactly("nomad.nomad.client.derive_vault_token:15.250000|ms");
	}

	@Test
	void sampleIsSentAsATimingWhateverItsUnit() {
		NomadMetrics metrics = metrics(SinkFormat.STATSD, "web-1", "");
		metrics.sample("runtime", "gc_pause_ns").record(2_000_000);
		assertThat(this.lines).containsExactly("nomad.runtime.gc_pause_ns:2000000.000000|ms");
	}

	@Test
	void gaugeCarriesTheHostNameAsItsSecondPart() {
		NomadMetrics metrics = metrics(SinkFormat.STATSD, "web-1", "");
		metrics.gauge(new AtomicLong(12), AtomicLong::get, "runtime", "num_goroutines");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.lines.isEmpty());
		assertThat(this.lines.get(0)).isEqualTo("nomad.web-1.runtime.num_goroutines:12.000000|g");
	}

	@Test
	void gaugeWithoutHostNameStartsWithTheServiceName() {
		NomadMetrics metrics = metrics(SinkFormat.STATSD, null, "");
		metrics.gauge(new AtomicLong(7), AtomicLong::get, "nomad", "heartbeat", "active");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.lines.isEmpty());
		assertThat(this.lines.get(0)).isEqualTo("nomad.nomad.heartbeat.active:7.000000|g");
	}

	@Test
	void colonsAndSpacesInKeysBecomeUnderscores() {
		NomadMetrics metrics = metrics(SinkFormat.STATSD, "web-1", "");
		metrics.counter("nomad", "rpc", "cross-region", "eu west:1").increment();
		assertThat(this.lines).containsExactly("nomad.nomad.rpc.cross-region.eu_west_1:1.000000|c");
	}

	@Test
	void dogStatsdCountsAreWholeNumbers() {
		NomadMetrics metrics = metrics(SinkFormat.DOGSTATSD, "web-1", "");
		metrics.counter("nomad", "rpc", "query").increment(3);
		assertThat(this.lines).containsExactly("nomad.nomad.rpc.query:3|c");
	}

	@Test
	void dogStatsdTakesTheNodeNameOutOfGaugeKeys() {
		NomadMetrics metrics = metrics(SinkFormat.DOGSTATSD, "web-1", "web-1");
		metrics.gauge(new AtomicLong(12), AtomicLong::get, "runtime", "num_goroutines");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.lines.isEmpty());
		assertThat(this.lines.get(0)).isEqualTo("nomad.runtime.num_goroutines:12.000000|g");
	}

	@Test
	void dogStatsdKeepsTheHostNameWhenTheNodeNameDiffers() {
		NomadMetrics metrics = metrics(SinkFormat.DOGSTATSD, "web-1", "other");
		metrics.gauge(new AtomicLong(12), AtomicLong::get, "runtime", "num_goroutines");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.lines.isEmpty());
		assertThat(this.lines.get(0)).isEqualTo("nomad.web-1.runtime.num_goroutines:12.000000|g");
	}

	@Test
	void circonusJoinsKeyPartsWithBackticksEvenWhenAPartHasADot() {
		NomadMetrics metrics = metrics(SinkFormat.CIRCONUS, "web-1.example.com", "");
		metrics.counter("client", "allocs", "web.frontend", "cache").increment();
		metrics.gauge(new AtomicLong(5), AtomicLong::get, "runtime", "heap objects");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.lines.size() >= 2);
		assertThat(this.lines).startsWith("nomad`client`allocs`web.frontend`cache:1|c");
		assertThat(this.lines.get(1)).isEqualTo("nomad`web-1.example.com`runtime`heap_objects:5.0|g");
	}

	@Test
	void metersRecordedOutsideNomadMetricsNeverReachTheSink() {
		CompositeMeterRegistry composite = new CompositeMeterRegistry();
		this.registry = TelemetrySinks.registry(this.lines::add, this.keys, SinkFormat.STATSD, null, "",
				Duration.ofMillis(20));
		composite.add(this.registry);
		composite.counter("jvm.threads.started").increment();
		composite.counter("nomadic.thing").increment();
		assertThat(this.lines).isEmpty();
	}

	@Test
	void decimalIsGoPercentF() {
		assertThat(SinkFormat.decimal(0.1)).isEqualTo("0.100000");
		assertThat(SinkFormat.decimal(1e20)).isEqualTo("100000000000000000000.000000");
		assertThat(SinkFormat.decimal(-2.5)).isEqualTo("-2.500000");
	}

	private NomadMetrics metrics(SinkFormat format, String gaugeHost, String nodeName) {
		this.registry = TelemetrySinks.registry(this.lines::add, this.keys, format, gaugeHost, nodeName,
				Duration.ofMillis(20));
		return new NomadMetrics(this.registry, this.keys);
	}

}
