package org.nomadagent.consul;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.consul.ConsulClient.CheckRegistration;
import org.nomadagent.consul.ConsulClient.ServiceRegistration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AdvertisedService}.
 */
class AdvertisedServiceTests {

	private final ConsulProperties defaults = ConsulFixtures.properties();

	@Test
	void checkIdIsNomadsHashOfTheServerHttpCheck() {
		// The reference value, recorded from Nomad v0.5.0-rc1.
		assertThat(AdvertisedService.checkId("_nomad-server-nomad-http", "Nomad Server HTTP Check", "tcp",
				"127.0.0.1:4646", "10s", "6s"))
			.isEqualTo("f1b3a26b9917f7e8d3931175c8584ace78d71c41");
	}

	@Test
	void serverAdvertisesItsHttpServiceWithNomadsIdNameTagsAndCheck() {
		List<AdvertisedService> services = AdvertisedService.of(ConsulFixtures.identity(true, false, 1, 4646),
				this.defaults);
		assertThat(services).singleElement().satisfies((service) -> {
			assertThat(service.domain()).isEqualTo("server");
			assertThat(service.service())
				.isEqualTo(new ServiceRegistration("_nomad-server-nomad-http", "nomad", List.of("http"), 4646, "127.0.0.1"));
			assertThat(service.check()).isEqualTo(new CheckRegistration("f1b3a26b9917f7e8d3931175c8584ace78d71c41",
					"Nomad Server HTTP Check", "_nomad-server-nomad-http", "10s", "6s", "127.0.0.1:4646"));
		});
	}

	@Test
	void clientAdvertisesNomadClientHttpWithAThreeSecondCheckTimeout() {
		List<AdvertisedService> services = AdvertisedService.of(ConsulFixtures.identity(false, true, 0, 4646),
				this.defaults);
		assertThat(services).singleElement().satisfies((service) -> {
			assertThat(service.domain()).isEqualTo("client");
			assertThat(service.service().id()).isEqualTo("_nomad-client-nomad-client-http");
			assertThat(service.service().name()).isEqualTo("nomad-client");
			assertThat(service.check().name()).isEqualTo("Nomad Client HTTP Check");
			assertThat(service.check().interval()).isEqualTo("10s");
			assertThat(service.check().timeout()).isEqualTo("3s");
			assertThat(service.check().id()).isEqualTo(AdvertisedService.checkId("_nomad-client-nomad-client-http",
					"Nomad Client HTTP Check", "tcp", "127.0.0.1:4646", "10s", "3s"));
		});
	}

	@Test
	void agentRunningServerAndClientAdvertisesTheServerFirst() {
		List<AdvertisedService> services = AdvertisedService.of(ConsulFixtures.identity(true, true, 0, 4646),
				this.defaults);
		assertThat(services).extracting((service) -> service.service().id())
			.containsExactly("_nomad-server-nomad-http", "_nomad-client-nomad-client-http");
	}

	@Test
	void serviceNamesComeFromTheConsulBlock() {
		ConsulProperties consul = ConsulFixtures.properties("server-service-name=nomad-prod",
				"client-service-name=workers");
		List<AdvertisedService> services = AdvertisedService.of(ConsulFixtures.identity(true, true, 0, 4646), consul);
		assertThat(services).extracting((service) -> service.service().id())
			.containsExactly("_nomad-server-nomad-prod-http", "_nomad-client-workers-http");
		assertThat(services).extracting((service) -> service.service().name()).containsExactly("nomad-prod", "workers");
	}

	@Test
	void checkTargetsTheBoundAddressWhileTheServiceNamesTheAdvertisedOne() {
		// Reference §8.4: addresses.http = 127.0.0.7, advertise.http = 127.0.0.6.
		AgentIdentity identity = ConsulFixtures.identity(true, false, 0, "127.0.0.7", 4646, "127.0.0.6", 4646);
		AdvertisedService service = AdvertisedService.of(identity, this.defaults).get(0);
		assertThat(service.service().address()).isEqualTo("127.0.0.6");
		assertThat(service.check().tcp()).isEqualTo("127.0.0.7:4646");
	}

	@Test
	void checksUseAdvertiseTargetsTheAdvertisedAddress() {
		AgentIdentity identity = ConsulFixtures.identity(true, false, 0, "127.0.0.7", 4646, "10.0.0.6", 5000);
		AdvertisedService service = AdvertisedService
			.of(identity, ConsulFixtures.properties("checks-use-advertise=true"))
			.get(0);
		assertThat(service.service().address()).isEqualTo("10.0.0.6");
		assertThat(service.service().port()).isEqualTo(5000);
		assertThat(service.check().tcp()).isEqualTo("10.0.0.6:5000");
	}

	@Test
	void wildcardBindChecksTheAdvertisedAddress() {
		AgentIdentity identity = ConsulFixtures.identity(false, true, 0, "0.0.0.0", 4646, "10.1.2.3", 4646);
		assertThat(AdvertisedService.of(identity, this.defaults).get(0).check().tcp()).isEqualTo("10.1.2.3:4646");
	}

	@Test
	void ipv6CheckTargetIsBracketed() {
		AgentIdentity identity = ConsulFixtures.identity(false, true, 0, "::1", 4646, "::1", 4646);
		AdvertisedService service = AdvertisedService.of(identity, this.defaults).get(0);
		assertThat(service.service().address()).isEqualTo("::1");
		assertThat(service.check().tcp()).isEqualTo("[::1]:4646");
	}

}
