package org.nomadagent.agent;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.NomadAgentApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the agent as its own process and sends it real signals (reference §12.4-12.6): SIGTERM
 * with and without {@code leave_on_terminate}, SIGINT with {@code leave_on_interrupt}, and SIGHUP
 * reloading the response headers and the log level.
 */
class AgentProcessIntegrationTests {

	@TempDir
	Path dir;

	private Process process;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void killProcess() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void sigtermWithLeaveOnTerminateLeavesAndExitsZero() throws Exception {
		int port = start("leave_on_terminate = true\n");
		this.process.destroy(); // SIGTERM
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isZero();
		assertThat(output()).contains("==> Caught signal: terminated", "==> Gracefully shutting down agent...");
		assertThat(port).isPositive();
	}

	@Test
	void sigtermWithoutLeaveOnTerminateExitsOne() throws Exception {
		start("");
		this.process.destroy();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isEqualTo(1);
		assertThat(output()).contains("==> Caught signal: terminated").doesNotContain("Gracefully");
	}

	@Test
	void sighupReloadsHeadersAndLogLevelThenSigintWithLeaveOnInterruptExitsZero() throws Exception {
		int port = start("leave_on_interrupt = true\nhttp_api_response_headers { X-Version = \"one\" }\n");
		assertThat(get(port, "/v1/regions").headers().firstValue("X-Version")).contains("one");
		Files.writeString(this.dir.resolve("agent.hcl"), config("leave_on_interrupt = true\nlog_level = \"DEBUG\"\n"
				+ "http_api_response_headers { X-Version = \"two\" }\n", port));
		signal("HUP");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(port, "/v1/regions").headers().firstValue("X-Version")).contains("two"));
		// At DEBUG the agent logs every request, in Nomad's format.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			get(port, "/v1/regions");
			assertThat(output()).containsPattern(
					"\\n    \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} \\[DEBUG\\] http: Request /v1/regions \\(");
		});
		signal("INT");
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isZero();
		assertThat(output()).contains("==> Caught signal: hangup", "==> Reloading configuration...",
				"==> Caught signal: interrupt");
	}

	private int start(String extra) throws Exception {
		int port = TestAgent.freePort();
		Files.writeString(this.dir.resolve("agent.hcl"), config(extra, port));
		// The process uses the AOT-generated context when this test run does (spring.aot.enabled).
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=" + Boolean.getBoolean("spring.aot.enabled"), "-cp",
				System.getProperty("java.class.path"), NomadAgentApplication.class.getName(), "agent",
				"-config=" + this.dir.resolve("agent.hcl")));
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("output.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
			assertThat(this.process.isAlive()).as(this::output).isTrue();
			assertThat(get(port, "/actuator/health/readiness").body()).contains("UP");
		});
		return port;
	}

	private String config(String extra, int port) {
		return "data_dir = \"" + this.dir.resolve("data") + "\"\nserver {\n  enabled = true\n  bootstrap_expect = 1\n}\n"
				+ "ports {\n  http = " + port + "\n  rpc = " + TestAgent.freePort() + "\n  serf = " + TestAgent.freePort()
				+ "\n}\n" + extra;
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void signal(String name) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(this.process.pid())).start();
		assertThat(kill.waitFor()).isZero();
	}

	private String output() {
		try {
			File log = this.dir.resolve("output.log").toFile();
			return log.exists() ? Files.readString(log.toPath(), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
