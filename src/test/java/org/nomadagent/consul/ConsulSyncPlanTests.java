package org.nomadagent.consul;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nomadagent.consul.ConsulClient.AgentCheck;
import org.nomadagent.consul.ConsulClient.AgentService;
import org.nomadagent.consul.ConsulClient.CheckRegistration;
import org.nomadagent.consul.ConsulClient.ServiceRegistration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsulSyncPlan}.
 */
class ConsulSyncPlanTests {

	private final List<AdvertisedService> wanted = AdvertisedService.of(ConsulFixtures.identity(true, false, 0, 4646),
			ConsulFixtures.properties());

	private final ServiceRegistration service = this.wanted.get(0).service();

	private final CheckRegistration check = this.wanted.get(0).check();

	private final Set<String> domains = Set.of("server");

	@Test
	void missingServiceIsRegistered() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains, Map.of());
		assertThat(plan.register()).containsExactly(this.service);
		assertThat(plan.deregister()).isEmpty();
	}

	@Test
	void serviceInSyncIsLeftAlone() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(agentService(this.service.id(), "nomad", List.of("http"), 4646, "127.0.0.1")));
		assertThat(plan.isEmpty()).isTrue();
	}

	@Test
	void serviceWhosePortDriftedIsRegisteredAgain() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(agentService(this.service.id(), "nomad", List.of("http"), 9999, "127.0.0.1")));
		assertThat(plan.register()).containsExactly(this.service);
	}

	@Test
	void serviceWhoseAddressDriftedIsRegisteredAgain() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(agentService(this.service.id(), "nomad", List.of("http"), 4646, "10.0.0.9")));
		assertThat(plan.register()).containsExactly(this.service);
	}

	@Test
	void serviceWhoseTagsDriftedIsRegisteredAgain() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(agentService(this.service.id(), "nomad", List.of("http", "extra"), 4646, "127.0.0.1")));
		assertThat(plan.register()).containsExactly(this.service);
	}

	@Test
	void serviceWithTagOverrideIsRegisteredAgain() {
		AgentService overriding = new AgentService(this.service.id(), "nomad", List.of("http"), 4646, "127.0.0.1",
				true);
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(overriding));
		assertThat(plan.register()).containsExactly(this.service);
	}

	@Test
	void servicesOfOwnedDomainsNoLongerWantedAreRemoved() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(agentService("_nomad-server-nomad-rpc", "nomad", List.of("rpc"), 4647, "127.0.0.1")));
		assertThat(plan.deregister()).containsExactly("_nomad-server-nomad-rpc");
	}

	@Test
	void servicesOfOtherDomainsAndOwnersAreNeverTouched() {
		ConsulSyncPlan<ServiceRegistration> plan = ConsulSyncPlan.services(this.wanted, this.domains,
				services(agentService("_nomad-client-nomad-client-http", "nomad-client", List.of("http"), 4646, ""),
						agentService("_nomad-serverless-x", "x", List.of(), 1, ""),
						agentService("_nomad-executor-abc-web", "web", List.of(), 2, ""),
						agentService("web", "web", List.of(), 80, "")));
		assertThat(plan.register()).containsExactly(this.service);
		assertThat(plan.deregister()).isEmpty();
	}

	@Test
	void missingCheckIsRegistered() {
		ConsulSyncPlan<CheckRegistration> plan = ConsulSyncPlan.checks(this.wanted, this.domains, Map.of());
		assertThat(plan.register()).containsExactly(this.check);
	}

	@Test
	void checkInSyncIsLeftAlone() {
		ConsulSyncPlan<CheckRegistration> plan = ConsulSyncPlan.checks(this.wanted, this.domains,
				checks(new AgentCheck(this.check.id(), this.check.name(), "", this.service.id(), "passing")));
		assertThat(plan.isEmpty()).isTrue();
	}

	@Test
	void checkWhoseNotesDriftedIsRegisteredAgain() {
		ConsulSyncPlan<CheckRegistration> plan = ConsulSyncPlan.checks(this.wanted, this.domains,
				checks(new AgentCheck(this.check.id(), this.check.name(), "edited", this.service.id(), "passing")));
		assertThat(plan.register()).containsExactly(this.check);
	}

	@Test
	void checkOfAnOwnedServiceThatIsNotWantedIsRemovedAndNodeAndForeignChecksAreNot() {
		ConsulSyncPlan<CheckRegistration> plan = ConsulSyncPlan.checks(this.wanted, this.domains,
				checks(new AgentCheck("old-target", this.check.name(), "", this.service.id(), "critical"),
						new AgentCheck("serfHealth", "Serf Health Status", "", "", "passing"),
						new AgentCheck("service:web", "web", "", "web", "passing")));
		assertThat(plan.register()).containsExactly(this.check);
		assertThat(plan.deregister()).containsExactly("old-target");
	}

	private static AgentService agentService(String id, String name, List<String> tags, int port, String address) {
		return new AgentService(id, name, tags, port, address, false);
	}

	private static Map<String, AgentService> services(AgentService... services) {
		Map<String, AgentService> byId = new LinkedHashMap<>();
		for (AgentService service : services) {
			byId.put(service.id(), service);
		}
		return byId;
	}

	private static Map<String, AgentCheck> checks(AgentCheck... checks) {
		Map<String, AgentCheck> byId = new LinkedHashMap<>();
		for (AgentCheck check : checks) {
			byId.put(check.checkId(), check);
		}
		return byId;
	}

}
