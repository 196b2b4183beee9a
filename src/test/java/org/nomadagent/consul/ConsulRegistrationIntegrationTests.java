package org.nomadagent.consul;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.TestAgent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the registration of the agent's services with Consul, through the Consul
 * configuration, against a {@link ConsulStandIn} on the fast schedule.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsulRegistrationIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path dir;

	private final ConsulStandIn consul = ConsulStandIn.start();

	private final AgentIdentity server = ConsulFixtures.identity(true, false, 1, 4646);

	@AfterEach
	void stopConsul() {
		this.consul.close();
	}

	@Test
	void serverRegistersItsServiceAndThenItsCheckWithNomadsBodies() {
		runner(this.server).run((context) -> {
			await().atMost(WAIT).until(() -> this.consul.checks().size() == 2);
			List<RecordedConsulRequest> requests = this.consul.requests();
			assertThat(requests).extracting((request) -> request.method() + " " + request.path())
				.startsWith("GET /v1/agent/services", "PUT /v1/agent/service/register", "GET /v1/agent/checks",
						"PUT /v1/agent/check/register");
			assertThat(requests.get(1).body()).isEqualTo("{\"ID\":\"_nomad-server-nomad-http\",\"Name\":\"nomad\","
					+ "\"Tags\":[\"http\"],\"Port\":4646,\"Address\":\"127.0.0.1\",\"Check\":null,\"Checks\":null}");
			assertThat(requests.get(3).body()).isEqualTo("{\"ID\":\"f1b3a26b9917f7e8d3931175c8584ace78d71c41\","
					+ "\"Name\":\"Nomad Server HTTP Check\",\"ServiceID\":\"_nomad-server-nomad-http\","
					+ "\"Interval\":\"10s\",\"Timeout\":\"6s\",\"TCP\":\"127.0.0.1:4646\"}");
			assertThat(requests.get(1).header("Content-Type")).startsWith("application/json");
			assertThat(requests.get(1).header("Content-Length")).isEqualTo(Integer.toString(requests.get(1).body().length()));
			assertThat(requests.get(1).header("X-Consul-Token")).isNull();
			assertThat(requests.get(1).header("Authorization")).isNull();
		});
	}

	@Test
	void syncInSteadyStateOnlyReads() {
		runner(this.server).run((context) -> {
			await().atMost(WAIT).until(() -> this.consul.checks().size() == 2);
			int writes = this.consul.requests("PUT", "/").size();
			await().atMost(WAIT).until(() -> this.consul.requests("GET", "/v1/agent/checks").size() >= 4);
			assertThat(this.consul.requests("PUT", "/")).hasSize(writes);
		});
	}

	@Test
	void serviceRemovedInConsulComesBackWithinOnePeriod() {
		runner(this.server).run((context) -> {
			await().atMost(WAIT).until(() -> this.consul.checks().size() == 2);
			this.consul.removeService("_nomad-server-nomad-http");
			assertThat(this.consul.services()).isEmpty();
			await().atMost(WAIT).until(() -> this.consul.services().containsKey("_nomad-server-nomad-http")
					&& this.consul.checks().containsKey("f1b3a26b9917f7e8d3931175c8584ace78d71c41"));
		});
	}

	@Test
	void servicesOfTheAgentsDomainsThatItNoLongerAdvertisesAreRemovedAndOthersKept() {
		this.consul.foreignService("_nomad-server-nomad-rpc", "nomad", 4647)
			.foreignService("_nomad-client-nomad-client-http", "nomad-client", 4646)
			.foreignService("web", "web", 80);
		runner(this.server).run((context) -> {
			await().atMost(WAIT).until(() -> !this.consul.services().containsKey("_nomad-server-nomad-rpc"));
			assertThat(this.consul.services()).containsOnlyKeys("_nomad-server-nomad-http",
					"_nomad-client-nomad-client-http", "web");
			assertThat(this.consul.checks()).containsKeys("serfHealth", "service:web",
					"service:_nomad-client-nomad-client-http");
		});
	}

	@Test
	void leaveDeregistersTheAgentsServicesOnlyAndStopsSyncing() {
		this.consul.foreignService("web", "web", 80);
		runner(ConsulFixtures.identity(true, true, 1, 4646)).run((context) -> {
			await().atMost(WAIT).until(() -> this.consul.services().size() == 3);
			context.getBean(ConsulSyncLoop.class).leave();
			assertThat(this.consul.services()).containsOnlyKeys("web");
			assertThat(this.consul.requests("PUT", "/v1/agent/service/deregister/"))
				.extracting(RecordedConsulRequest::path)
				.containsExactlyInAnyOrder("/v1/agent/service/deregister/_nomad-server-nomad-http",
						"/v1/agent/service/deregister/_nomad-client-nomad-client-http");
			int writes = this.consul.requests("PUT", "/").size();
			int serviceReads = this.consul.requests("GET", "/v1/agent/services").size();
			Thread.sleep(FAST_PERIODS);
			assertThat(this.consul.requests("PUT", "/")).hasSize(writes);
			assertThat(this.consul.requests("GET", "/v1/agent/services")).hasSize(serviceReads);
			assertThat(this.consul.services()).containsOnlyKeys("web");
		});
	}

	@Test
	void shutdownDeregistersTheAgentsServices() {
		runner(this.server).run((context) -> {
			await().atMost(WAIT).until(() -> this.consul.services().size() == 1);
		});
		assertThat(this.consul.services()).isEmpty();
		assertThat(this.consul.checks()).containsOnlyKeys("serfHealth");
	}

	@Test
	void consulDownAtStartIsRetriedWarnedOnceAndReportedByHealthUntilItAppears(CapturedOutput output) {
		int port = TestAgent.freePort();
		ConsulFixtures.runner(this.server, "127.0.0.1:" + port, this.dir).run((context) -> {
			HealthIndicator health = context.getBean("consulHealthIndicator", HealthIndicator.class);
			await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
			String warning = "cannot sync with Consul at http://127.0.0.1:" + port;
			await().atMost(WAIT).until(() -> output.getOut().contains(warning));
			Thread.sleep(FAST_PERIODS);
			try (ConsulStandIn late = ConsulStandIn.start(port)) {
				await().atMost(WAIT).until(() -> late.services().containsKey("_nomad-server-nomad-http"));
				await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.UP));
				context.getBean(ConsulSyncLoop.class).leave();
			}
			assertThat(output.getOut().split(warning, -1)).hasSize(2);
			assertThat(output.getOut()).contains("reached Consul at http://127.0.0.1:" + port + " again");
		});
	}

	@Test
	void tokenAndBasicAuthGoWithEveryRequest() {
		this.consul.requireToken("acl-token").requireBasicAuth("nomad", "pa:ss");
		this.consul.datacenters("dc1", "dc2");
		runner(ConsulFixtures.identity(true, true, 3, 4646))
			.withPropertyValues("nomad.consul.token=acl-token", "nomad.consul.auth=nomad:pa:ss")
			.run((context) -> {
				await().atMost(WAIT).until(() -> this.consul.checks().size() == 3
						&& !this.consul.requests("GET", "/v1/catalog/service/").isEmpty());
				assertThat(this.consul.requests()).allSatisfy((request) -> {
					assertThat(request.header("X-Consul-Token")).isEqualTo("acl-token");
					assertThat(request.header("Authorization")).isEqualTo("Basic bm9tYWQ6cGE6c3M=");
				});
				assertThat(this.consul.requests()).extracting(RecordedConsulRequest::path)
					.contains("/v1/agent/services", "/v1/agent/service/register", "/v1/agent/checks",
							"/v1/agent/check/register", "/v1/catalog/datacenters", "/v1/catalog/service/nomad");
			});
	}

	@Test
	void wrongTokenIsReportedByHealthWithConsulsAnswer() {
		this.consul.requireToken("right");
		runner(this.server).withPropertyValues("nomad.consul.token=wrong").run((context) -> {
			HealthIndicator health = context.getBean("consulHealthIndicator", HealthIndicator.class);
			await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
			assertThat(health.health().getDetails()).containsEntry("address", "http://" + this.consul.address())
				.hasEntrySatisfying("error", (error) -> assertThat((String) error).contains("403")
					.contains("Permission denied")
					.doesNotContain("wrong"));
		});
	}

	private static final long FAST_PERIODS = 3 * ConsulFixtures.FAST.syncInterval().toMillis();

	private ApplicationContextRunner runner(AgentIdentity identity) {
		return ConsulFixtures.runner(identity, this.consul.address(), this.dir);
	}

}
