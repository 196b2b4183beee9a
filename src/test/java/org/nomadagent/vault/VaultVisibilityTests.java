package org.nomadagent.vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nomadagent.config.Secret;
import org.nomadagent.testing.MutableClock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VaultHealthIndicator} and {@link VaultStats}: what operators see of the
 * connection, and never the token.
 */
class VaultVisibilityTests {

	private static final String TOKEN = "s.visibility-secret";

	private final AtomicBoolean leader = new AtomicBoolean(true);

	private final MutableClock clock = new MutableClock();

	private final VaultConnection connection = new VaultConnection(this.leader::get, this.clock);

	private final ParallelRequests parallel = ParallelRequests.onOwnThreads("test");

	private final VaultHealthIndicator health = new VaultHealthIndicator(this.connection,
			URI.create("https://vault.service.consul:8200"));

	private final VaultStats stats = new VaultStats(this.connection, revoker());

	@AfterEach
	void close() {
		this.parallel.close();
	}

	@Test
	void connectingIsUnknown() {
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("state", "connecting")
			.containsEntry("address", "https://vault.service.consul:8200");
		assertThat(this.stats.stats()).containsEntry("state", "connecting").containsEntry("token_ttl", "");
	}

	@Test
	void retryingIsDownWithTheReason() {
		this.connection.retrying("Get https://vault.service.consul:8200/v1/sys/init: Connection refused");
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "retrying")
			.containsEntry("reason", "Get https://vault.service.consul:8200/v1/sys/init: Connection refused");
	}

	@Test
	void connectedIsUpWithTheTokensTtlLeft() {
		this.connection.connected(new VaultTokenInfo(List.of("nomad"), "role", 3600, 3600, true));
		this.connection.renewed(this.clock.instant().plusSeconds(3600));
		this.clock.advance(Duration.ofMinutes(30));
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "connected")
			.containsEntry("tokenTtl", "30m0s")
			.containsEntry("renewals", 1L);
		assertThat(this.stats.stats()).containsExactlyInAnyOrderEntriesOf(Map.of("active", "true", "renewals", "1",
				"revocations_pending", "0", "state", "connected", "token_ttl", "30m0s"));
	}

	@Test
	void rootTokenWithoutTtlNeverExpires() {
		this.connection.connected(new VaultTokenInfo(List.of("root"), "", 0, 0, false));
		assertThat(this.health.health().getDetails()).containsEntry("tokenTtl", "none");
		assertThat(this.stats.stats()).containsEntry("token_ttl", "none");
	}

	@Test
	void failedIsDownWithTheReasonAndStatsSayWhetherThisServerLeads() {
		this.leader.set(false);
		this.connection.failed("1 error(s) occurred:\n\n* Role must not allow orphans");
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.health.health().getDetails()).containsEntry("reason",
				"1 error(s) occurred:\n\n* Role must not allow orphans");
		assertThat(this.stats.stats()).containsEntry("state", "failed").containsEntry("active", "false");
	}

	@Test
	void neitherShowsTheToken() {
		this.connection.connected(new VaultTokenInfo(List.of("root"), "", 0, 0, false));
		assertThat(this.health.health().toString()).doesNotContain(TOKEN);
		assertThat(this.stats.stats().toString()).doesNotContain(TOKEN);
	}

	private AccessorRevoker revoker() {
		VaultServerSettings settings = VaultServerSettings.of(new VaultProperties("http://127.0.0.1:1", null, true, "",
				"", "", "", "", "", null, new Secret(TOKEN), Duration.ofSeconds(30)));
		VaultClient client = VaultClient.create(settings, Path.of(""));
		return new AccessorRevoker(client, this.connection, new InMemoryVaultAccessorStore(), this.parallel,
				Duration.ofMinutes(5), this.clock);
	}

}
