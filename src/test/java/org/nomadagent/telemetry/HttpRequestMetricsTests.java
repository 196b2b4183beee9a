package org.nomadagent.telemetry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpRequestMetrics}.
 */
class HttpRequestMetricsTests {

	@Test
	void keyIsTheMethodAndTheRoutesSegments() {
		assertThat(HttpRequestMetrics.key("GET", "/v1/agent/self")).containsExactly("http", "GET", "v1", "agent",
				"self");
	}

	@Test
	void keyHasAnUnderscoreForEachPatternVariable() {
		assertThat(HttpRequestMetrics.key("PUT", "/v1/job/{jobId}/evaluate")).containsExactly("http", "PUT", "v1",
				"job", "_", "evaluate");
		assertThat(HttpRequestMetrics.key("GET", "/v1/client/fs/**")).containsExactly("http", "GET", "v1", "client",
				"fs", "_");
	}

}
