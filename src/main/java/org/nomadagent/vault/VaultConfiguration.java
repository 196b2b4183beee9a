package org.nomadagent.vault;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.telemetry.NomadMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Vault integration of a server. Every server gets the job policy check (which answers
 * {@code Vault not enabled and Vault policies requested} when Vault is off); a server with
 * {@code vault.enabled = true} also gets the Vault client, checked synchronously (a mistake fails
 * start-up with Nomad's message), the background connection and token renewal, task token
 * derivation, revocation, an actuator health component and a {@code vault} stats section. A
 * client needs none of this: its Vault options serve its tasks, and it needs no token.
 */
@Configuration(proxyBeanMethods = false)
public class VaultConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("nomad.server.enabled")
	JobVaultPolicyChecker jobVaultPolicyChecker(VaultProperties properties, ObjectProvider<VaultTokenLookup> lookup) {
		return new JobVaultPolicyChecker(properties, lookup.getIfAvailable());
	}

	/**
	 * The server side of Vault, when {@code vault.enabled} is true.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("nomad.server.enabled")
	@ConditionalOnBooleanProperty("nomad.vault.enabled")
	static class VaultServerConfiguration {

		@Bean
		VaultServerSettings vaultServerSettings(VaultProperties properties) {
			return VaultServerSettings.of(properties);
		}

		@Bean
		VaultClient vaultClient(VaultServerSettings settings) {
			// Relative file names are relative to the directory the agent was started in, as in Nomad.
			return VaultClient.create(settings, Path.of("").toAbsolutePath());
		}

		@Bean
		VaultConnection vaultConnection(ClusterState cluster, AgentIdentity identity) {
			String self = identity.rpcAdvertise().toString();
			// Vault operations are active only on the leader (Nomad's SetActive on leadership changes).
			return new VaultConnection(() -> cluster.leader().map(self::equals).orElse(false), Clock.systemUTC());
		}

		@Bean
		VaultConnector vaultConnector(VaultClient client, VaultConnection connection, VaultServerSettings settings) {
			return new VaultConnector(client, connection, settings.connectionRetryInterval(), Clock.systemUTC(),
					() -> ThreadLocalRandom.current().nextDouble());
		}

		@Bean
		VaultRateLimiter vaultRateLimiter() {
			return new VaultRateLimiter(VaultRateLimiter.NOMAD_RATE, System::nanoTime);
		}

		@Bean
		ParallelRequests vaultParallelRequests() {
			return ParallelRequests.onOwnThreads("vault-request");
		}

		@Bean
		@ConditionalOnMissingBean
		VaultAccessorStore vaultAccessorStore() {
			return new InMemoryVaultAccessorStore();
		}

		@Bean
		AccessorRevoker accessorRevoker(VaultClient client, VaultConnection connection, VaultAccessorStore store,
				ParallelRequests vaultParallelRequests) {
			return new AccessorRevoker(client, connection, store, vaultParallelRequests,
					AccessorRevoker.NOMAD_RETRY_INTERVAL, Clock.systemUTC());
		}

		@Bean
		TaskTokenDeriver taskTokenDeriver(VaultClient client, VaultConnection connection,
				VaultServerSettings settings, VaultAccessorStore store, AccessorRevoker revoker,
				ParallelRequests vaultParallelRequests, VaultRateLimiter limiter, ObjectProvider<NomadMetrics> metrics) {
			return new TaskTokenDeriver(client, connection, settings, store, revoker, vaultParallelRequests, limiter,
					metrics.getIfAvailable(() -> NomadMetrics.using(new SimpleMeterRegistry())));
		}

		@Bean
		VaultTokenLookup vaultTokenLookup(VaultClient client, VaultConnection connection, VaultRateLimiter limiter) {
			return new VaultTokenLookup(client, connection, limiter);
		}

		@Bean
		VaultHealthIndicator vaultHealthIndicator(VaultConnection connection, VaultServerSettings settings) {
			return new VaultHealthIndicator(connection, settings.address());
		}

		@Bean
		VaultStats vaultStats(VaultConnection connection, AccessorRevoker revoker) {
			return new VaultStats(connection, revoker);
		}

	}

}
