package org.nomadagent.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a dev agent and checks that the API and the probes answer.
 */
class HttpApiSmokeIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void devAgentServesTheApiAndTheProbes() throws Exception {
		try (TestAgent agent = TestAgent.start(this.dir, "", "-dev")) {
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> self = client.send(HttpRequest.newBuilder(URI.create(agent.url() + "/v1/agent/self")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(self.statusCode()).isEqualTo(200);
			assertThat(self.body()).startsWith("{\"config\":{\"Addresses\":");
			HttpResponse<String> readiness = client.send(
					HttpRequest.newBuilder(URI.create(agent.url() + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(readiness.body()).contains("\"UP\"");
		}
	}

}
