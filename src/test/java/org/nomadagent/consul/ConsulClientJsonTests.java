package org.nomadagent.consul;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nomadagent.consul.ConsulClient.AgentService;
import org.nomadagent.consul.ConsulClient.CatalogService;
import org.nomadagent.consul.ConsulClient.CheckRegistration;
import org.nomadagent.consul.ConsulClient.ServiceRegistration;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON of {@link ConsulClient}'s records, written and read with the client's own
 * mapper.
 */
class ConsulClientJsonTests {

	@Test
	void serviceRegistrationIsWrittenAsNomadWritesIt() {
		ServiceRegistration service = new ServiceRegistration("_nomad-server-nomad-http", "nomad", List.of("http"),
				4646, "127.0.0.1");
		assertThat(ConsulClientFactory.mapper().writeValueAsString(service)).isEqualTo(
				"{\"ID\":\"_nomad-server-nomad-http\",\"Name\":\"nomad\",\"Tags\":[\"http\"],\"Port\":4646,"
						+ "\"Address\":\"127.0.0.1\",\"Check\":null,\"Checks\":null}");
	}

	@Test
	void checkRegistrationIsWrittenAsNomadWritesIt() {
		CheckRegistration check = new CheckRegistration("f1b3a26b9917f7e8d3931175c8584ace78d71c41",
				"Nomad Server HTTP Check", "_nomad-server-nomad-http", "10s", "6s", "127.0.0.1:4646");
		assertThat(ConsulClientFactory.mapper().writeValueAsString(check))
			.isEqualTo("{\"ID\":\"f1b3a26b9917f7e8d3931175c8584ace78d71c41\",\"Name\":\"Nomad Server HTTP Check\","
					+ "\"ServiceID\":\"_nomad-server-nomad-http\",\"Interval\":\"10s\",\"Timeout\":\"6s\","
					+ "\"TCP\":\"127.0.0.1:4646\"}");
	}

	@Test
	void agentServicesAreReadIgnoringFieldsTheAgentDoesNotUse() {
		String json = "{\"web\":{\"ID\":\"web\",\"Service\":\"web\",\"Tags\":null,\"Meta\":{\"a\":\"b\"},"
				+ "\"Port\":80,\"Address\":\"\",\"EnableTagOverride\":false,\"CreateIndex\":7,\"Weights\":{\"Passing\":1}}}";
		Map<String, AgentService> services = ConsulClientFactory.mapper().readValue(json, new TypeReference<>() {
		});
		assertThat(services.get("web")).isEqualTo(new AgentService("web", "web", List.of(), 80, "", false));
	}

	@Test
	void catalogInstanceIsReachedAtItsServiceAddressOrElseItsNodeAddress() {
		List<CatalogService> instances = ConsulClientFactory.mapper()
			.readValue("[{\"Node\":\"n1\",\"Address\":\"10.0.0.1\",\"ServiceAddress\":\"\",\"ServicePort\":4647},"
					+ "{\"Node\":\"n2\",\"Address\":\"10.0.0.2\",\"ServiceAddress\":\"10.9.9.9\",\"ServicePort\":5000},"
					+ "{\"Node\":\"n3\",\"Address\":\"fd00::3\",\"ServicePort\":4647}]", new TypeReference<>() {
					});
		assertThat(instances).extracting(CatalogService::endpoint)
			.containsExactly("10.0.0.1:4647", "10.9.9.9:5000", "[fd00::3]:4647");
	}

}
