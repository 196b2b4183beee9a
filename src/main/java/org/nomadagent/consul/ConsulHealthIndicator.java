package org.nomadagent.consul;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code consul} health component: UP while the agent's exchanges with Consul work, DOWN with
 * the error while they fail, UNKNOWN before the first one. It is not part of the liveness or
 * readiness groups: the agent keeps serving without Consul, as Nomad does.
 */
final class ConsulHealthIndicator implements HealthIndicator {

	private final ConsulAvailability availability;

	ConsulHealthIndicator(ConsulAvailability availability) {
		this.availability = availability;
	}

	@Override
	public Health health() {
		Health.Builder builder = switch (this.availability.state()) {
			case UP -> Health.up();
			case DOWN -> Health.down().withDetail("error", this.availability.error());
			case UNKNOWN -> Health.unknown();
		};
		return builder.withDetail("address", this.availability.address().toString()).build();
	}

}
