package org.nomadagent.telemetry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricLine}.
 */
class MetricLineTests {

	@Test
	void parseReadsKeyValueAndKind() {
		assertThat(MetricLine.parse("nomad`web-1`runtime`alloc_bytes:1.5E7|g"))
			.isEqualTo(new MetricLine("nomad`web-1`runtime`alloc_bytes", 1.5e7, MetricLine.Kind.GAUGE));
		assertThat(MetricLine.parse("nomad.nomad.rpc.query:1|c").kind()).isEqualTo(MetricLine.Kind.COUNTER);
		assertThat(MetricLine.parse("nomad.http.GET.v1:2.5|ms").kind()).isEqualTo(MetricLine.Kind.SAMPLE);
	}

	@Test
	void parseKeepsColonsOfTheKey() {
		assertThat(MetricLine.parse("nomad.a:b:3.0|g").key()).isEqualTo("nomad.a:b");
	}

	@Test
	void parseRefusesLinesOfAnotherShape() {
		assertThat(MetricLine.parse("no colon|g")).isNull();
		assertThat(MetricLine.parse("nomad.x:1|s")).isNull();
		assertThat(MetricLine.parse("nomad.x:one|c")).isNull();
		assertThat(MetricLine.parse(":1|c")).isNull();
	}

}
