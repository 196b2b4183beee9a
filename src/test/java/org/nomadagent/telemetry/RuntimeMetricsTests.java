package org.nomadagent.telemetry;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RuntimeMetrics}: Nomad's runtime metrics from the JVM.
 */
class RuntimeMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void gaugesHaveNomadsRuntimeNames() {
		try (RuntimeMetrics runtime = new RuntimeMetrics(NomadMetrics.using(this.registry))) {
			assertThat(this.registry.get("nomad.runtime.num_goroutines").gauge().value()).isPositive();
			assertThat(this.registry.get("nomad.runtime.alloc_bytes").gauge().value()).isPositive();
			assertThat(this.registry.get("nomad.runtime.sys_bytes").gauge().value())
				.isGreaterThanOrEqualTo(this.registry.get("nomad.runtime.alloc_bytes").gauge().value());
			assertThat(this.registry.get("nomad.runtime.total_gc_runs").gauge().value()).isNotNegative();
			assertThat(this.registry.get("nomad.runtime.total_gc_pause_ns").gauge().value()).isNotNegative();
			assertThat(this.registry.find("nomad.runtime.malloc_count").meter()).isNull();
		}
	}

	@Test
	void eachCollectionIsAGcPauseSampleInNanoseconds() {
		try (RuntimeMetrics runtime = new RuntimeMetrics(NomadMetrics.using(this.registry))) {
			double runs = this.registry.get("nomad.runtime.total_gc_runs").gauge().value();
			System.gc();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.registry.get("nomad.runtime.gc_pause_ns").summary().count() > 0);
			assertThat(this.registry.get("nomad.runtime.total_gc_runs").gauge().value()).isGreaterThan(runs);
			assertThat(this.registry.get("nomad.runtime.gc_pause_ns").summary().totalAmount() % 1_000_000).isZero();
		}
	}

	@Test
	void concurrentCollectorBeansAreNotPauses() {
		assertThat(RuntimeMetrics.stopsTheWorld("G1 Young Generation")).isTrue();
		assertThat(RuntimeMetrics.stopsTheWorld("ZGC Pauses")).isTrue();
		assertThat(RuntimeMetrics.stopsTheWorld("ZGC Cycles")).isFalse();
		assertThat(RuntimeMetrics.stopsTheWorld("G1 Concurrent GC")).isFalse();
	}

}
