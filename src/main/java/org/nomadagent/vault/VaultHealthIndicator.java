package org.nomadagent.vault;

import java.net.URI;
import java.time.Duration;

import org.nomadagent.config.GoDuration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code vault} component of {@code /actuator/health}: UP once the server's token is
 * validated, UNKNOWN while the first contact is being made, DOWN while Vault is unreachable or
 * after the token was refused or expired, with the reason. It shows the address and the token's
 * TTL left, never the token.
 */
final class VaultHealthIndicator implements HealthIndicator {

	private final VaultConnection connection;

	private final URI address;

	VaultHealthIndicator(VaultConnection connection, URI address) {
		this.connection = connection;
		this.address = address;
	}

	@Override
	public Health health() {
		VaultConnection.Snapshot snapshot = this.connection.snapshot();
		Health.Builder builder = switch (snapshot.state()) {
			case CONNECTED -> Health.up();
			case CONNECTING -> Health.unknown();
			case RETRYING, FAILED -> Health.down();
		};
		builder.withDetail("state", snapshot.state().label()).withDetail("address", this.address.toString());
		if (snapshot.reason() != null) {
			builder.withDetail("reason", snapshot.reason());
		}
		Duration left = this.connection.tokenTtlLeft();
		if (snapshot.state() == VaultConnection.State.CONNECTED) {
			builder.withDetail("tokenTtl", (left != null) ? GoDuration.format(left) : "none");
			builder.withDetail("renewals", snapshot.renewals());
		}
		return builder.build();
	}

}
