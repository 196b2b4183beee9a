package org.nomadagent.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic behaviour of the HTTP API (reference §7.1, §7.2), through the real server: status
 * codes, plain-text errors, custom headers, {@code ?pretty}, gzip, query options, and the routes
 * of each role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiIntegrationTests {

	private TestAgent dev;

	private TestAgent waitingServer;

	private TestAgent client;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void startAgents(@TempDir Path dir) {
		this.dev = TestAgent.start(dir.resolve("dev"),
				"http_api_response_headers {\n  x-custom-thing = \"1\"\n  Access-Control-Allow-Origin = \"*\"\n}\n", "-dev");
		this.waitingServer = TestAgent.start(dir.resolve("server"),
				"data_dir = \"/tmp/nomad-agent-test\"\nserver {\n  enabled = true\n  bootstrap_expect = 3\n}\n");
		this.client = TestAgent.start(dir.resolve("client"),
				"data_dir = \"/tmp/nomad-agent-test\"\nclient {\n  enabled = true\n  servers = [\"127.0.0.2\", \"127.0.0.3:5000\"]\n}\n");
	}

	@AfterAll
	void stopAgents() {
		for (TestAgent agent : new TestAgent[] { this.dev, this.waitingServer, this.client }) {
			if (agent != null) {
				agent.close();
			}
		}
	}

	@Test
	void successIsCompactJsonWithoutTrailingNewline() throws Exception {
		HttpResponse<String> response = get(this.dev, "/v1/status/leader");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
		assertThat(response.body()).isEqualTo("\"" + this.dev.identity().rpcAdvertise() + "\"");
	}

	@Test
	void prettyIndentsWithFourSpacesAndEndsWithANewline() throws Exception {
		assertThat(get(this.dev, "/v1/status/peers?pretty").body())
			.isEqualTo("[\n    \"" + this.dev.identity().rpcAdvertise() + "\"\n]\n");
		assertThat(get(this.dev, "/v1/status/peers?pretty=false").body()).endsWith("]\n");
		assertThat(get(this.dev, "/v1/status/peers?pretty=0").body()).doesNotEndWith("\n");
		assertThat(get(this.dev, "/v1/agent/self?pretty").body()).startsWith("{\n    \"config\": {\n        \"Addresses\": {");
	}

	@Test
	void customHeadersAreOnEveryApiResponseIncludingErrors() throws Exception {
		for (HttpResponse<String> response : new HttpResponse[] { get(this.dev, "/v1/agent/self"),
				send(this.dev, "DELETE", "/v1/agent/self"), get(this.waitingServer, "/v1/status/leader") }) {
			if (response.uri().getPort() == this.dev.httpPort()) {
				assertThat(response.headers().firstValue("X-Custom-Thing")).contains("1");
				assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
			}
		}
	}

	@Test
	void unknownPathIsGosNotFoundWithoutCustomHeaders() throws Exception {
		for (String path : new String[] { "/v1/nope", "/v1/agent/self/", "/v1/agent/servers/extra", "/v1/agent/join" }) {
			HttpResponse<String> response = get(this.dev, path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).isEqualTo("404 page not found\n");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(response.headers().firstValue("Vary")).contains("Accept-Encoding");
			assertThat(response.headers().firstValue("X-Custom-Thing")).isEmpty();
		}
	}

	@Test
	void wrongMethodIs405InvalidMethodAsPlainText() throws Exception {
		for (String method : new String[] { "PUT", "POST", "DELETE", "HEAD" }) {
			HttpResponse<String> response = send(this.dev, method, "/v1/agent/self");
			assertThat(response.statusCode()).as(method).isEqualTo(405);
			if (!method.equals("HEAD")) {
				assertThat(response.body()).isEqualTo("Invalid method");
				assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
						(type) -> assertThat(type.replace(" ", "")).isEqualTo("text/plain;charset=utf-8"));
			}
		}
	}

	@Test
	void routesOfARoleTheAgentLacksAre501() throws Exception {
		assertThat(get(this.client, "/v1/agent/members").statusCode()).isEqualTo(501);
		assertThat(get(this.client, "/v1/agent/members").body()).isEqualTo("Invalid method");
		assertThat(get(this.waitingServer, "/v1/agent/servers").statusCode()).isEqualTo(501);
	}

	@Test
	void gzipIsUsedWhenAcceptedAndVaryIsAlwaysSent() throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.dev.url() + "/v1/agent/self")).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(response.headers().firstValue("Vary")).contains("Accept-Encoding");
		String body = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(body).startsWith("{\"config\":");
		assertThat(get(this.dev, "/v1/agent/self").headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(get(this.dev, "/v1/agent/self").headers().firstValue("Vary")).contains("Accept-Encoding");
	}

	@Test
	void serverWaitingForPeersHasNoLeader() throws Exception {
		HttpResponse<String> leader = get(this.waitingServer, "/v1/status/leader");
		assertThat(leader.statusCode()).isEqualTo(500);
		assertThat(leader.body()).isEqualTo("No cluster leader");
		assertThat(get(this.waitingServer, "/v1/status/peers").body()).isEqualTo("No cluster leader");
		assertThat(get(this.waitingServer, "/v1/regions").body()).isEqualTo("[\"global\"]");
	}

	@Test
	void statusRoutesCheckTheirQueryOptions() throws Exception {
		assertThat(get(this.dev, "/v1/status/leader?region=mars").body()).isEqualTo("No path to region");
		assertThat(get(this.dev, "/v1/status/leader?region=mars").statusCode()).isEqualTo(500);
		assertThat(get(this.dev, "/v1/status/leader?wait=forever").body()).isEqualTo("Invalid wait time");
		assertThat(get(this.dev, "/v1/status/leader?wait=forever").statusCode()).isEqualTo(400);
		assertThat(get(this.dev, "/v1/regions?index=abc").body()).isEqualTo("Invalid index");
		assertThat(get(this.dev, "/v1/status/peers?region=global&stale&wait=5s&index=7").statusCode()).isEqualTo(200);
	}

	@Test
	void clientOnlyAgentCannotForwardToServersYet() throws Exception {
		HttpResponse<String> response = get(this.client, "/v1/status/leader");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(StatusEndpoint.NO_RPC);
	}

	@Test
	void clientServersAreResolvedWithTheDefaultPortAndCanBeReplaced() throws Exception {
		assertThat(get(this.client, "/v1/agent/servers").body()).isEqualTo("[\"127.0.0.2:4647\",\"127.0.0.3:5000\"]");
		HttpResponse<String> missing = send(this.client, "PUT", "/v1/agent/servers");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).isEqualTo("missing server address");
		HttpResponse<String> bad = send(this.client, "PUT", "/v1/agent/servers?address=127.0.0.9:abc");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).isEqualTo("1 error(s) occurred:\n\n* address tcp/abc: unknown port");
		HttpResponse<String> set = send(this.client, "POST", "/v1/agent/servers?address=127.0.0.8&address=x:abc");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(set.body()).isEmpty();
		assertThat(set.headers().firstValue("Content-Type")).isEmpty();
		assertThat(get(this.client, "/v1/agent/servers").body()).isEqualTo("[\"127.0.0.8:4647\"]");
	}

	@Test
	void clientOnlyAgentShowsTheZeroMember() throws Exception {
		assertThat(get(this.client, "/v1/agent/self").body()).contains(
				"\"member\":{\"Addr\":null,\"DelegateCur\":0,\"DelegateMax\":0,\"DelegateMin\":0,\"Name\":\"\",\"Port\":0,"
						+ "\"ProtocolCur\":0,\"ProtocolMax\":0,\"ProtocolMin\":0,\"Status\":\"none\",\"Tags\":null}");
	}

	@Test
	void debugRoutesAreServedOnlyWithEnableDebugAndWithoutCustomHeaders() throws Exception {
		HttpResponse<String> threads = get(this.dev, "/debug/pprof/goroutine");
		assertThat(threads.statusCode()).isEqualTo(200);
		assertThat(threads.body()).contains("\tat ");
		assertThat(threads.headers().firstValue("X-Custom-Thing")).isEmpty();
		assertThat(get(this.dev, "/debug/pprof/heap").body()).contains("java.lang.String");
		assertThat(get(this.dev, "/debug/pprof/").statusCode()).isEqualTo(200);
		assertThat(get(this.waitingServer, "/debug/pprof/goroutine").statusCode()).isEqualTo(404);
	}

	@Test
	void reloadedHeadersApplyAtOnce() throws Exception {
		TestAgent agent = this.dev;
		var before = agent.liveConfig().current();
		var layer = before.layer()
			.toBuilder()
			.putAll(org.nomadagent.config.AgentConfigSchema.field("http_api_response_headers"),
					java.util.Map.of("X-Reloaded", new org.nomadagent.config.Setting("yes",
							org.nomadagent.config.ConfigOrigin.DEFAULT)))
			.build();
		agent.liveConfig().replace(new org.nomadagent.config.AgentConfig(layer, before.devMode()));
		try {
			assertThat(get(agent, "/v1/regions").headers().firstValue("X-Reloaded")).contains("yes");
		}
		finally {
			agent.liveConfig().replace(before);
		}
	}

	private HttpResponse<String> get(TestAgent agent, String path) throws IOException, InterruptedException {
		return send(agent, "GET", path);
	}

	private HttpResponse<String> send(TestAgent agent, String method, String path)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(agent.url() + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
