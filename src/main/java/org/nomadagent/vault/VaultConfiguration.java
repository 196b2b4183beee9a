package org.nomadagent.vault;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.config.ConfigSwitches;
import org.nomadagent.telemetry.NomadMetrics;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The Vault integration of a server. Every server gets the job policy check (which answers
 * {@code Vault not enabled and Vault policies requested} when Vault is off); a server with
 * {@code vault.enabled = true} also gets the Vault client, checked synchronously (a mistake fails
 * start-up with Nomad's message), the background connection and token renewal, task token
 * derivation, revocation, an actuator health component and a {@code vault} stats section. A
 * client needs none of this: its Vault options serve its tasks, and it needs no token.
 */
@Configuration(proxyBeanMethods = false)
@Import(VaultConfiguration.VaultBeans.class)
public class VaultConfiguration {

	/**
	 * Registers the Vault components of a server, decided at every start ({@link ConfigSwitches}).
	 * The accessor store is an unnamed fallback: a store registered elsewhere, whatever its name,
	 * replaces the in-memory one.
	 */
	public static final class VaultBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (!ConfigSwitches.isOn(environment, "nomad.server.enabled")) {
				return;
			}
			registry.registerBean("jobVaultPolicyChecker", JobVaultPolicyChecker.class,
					(bean) -> bean.supplier((context) -> new JobVaultPolicyChecker(context.bean(VaultProperties.class),
							context.beanProvider(VaultTokenLookup.class).getIfAvailable())));
			if (ConfigSwitches.isOn(environment, "nomad.vault.enabled")) {
				registerServerSide(registry);
			}
		}

		private static void registerServerSide(BeanRegistry registry) {
			registry.registerBean("vaultServerSettings", VaultServerSettings.class,
					(bean) -> bean.supplier((context) -> VaultServerSettings.of(context.bean(VaultProperties.class))));
			// Relative file names are relative to the directory the agent was started in, as in Nomad.
			registry.registerBean("vaultClient", VaultClient.class, (bean) -> bean.supplier((context) -> VaultClient
				.create(context.bean(VaultServerSettings.class), Path.of("").toAbsolutePath())));
			registry.registerBean("vaultConnection", VaultConnection.class,
					(bean) -> bean.supplier((context) -> connection(context.bean(ClusterState.class),
							context.bean(AgentIdentity.class))));
			registry.registerBean("vaultConnector", VaultConnector.class,
					(bean) -> bean.supplier((context) -> new VaultConnector(context.bean(VaultClient.class),
							context.bean(VaultConnection.class),
							context.bean(VaultServerSettings.class).connectionRetryInterval(), Clock.systemUTC(),
							() -> ThreadLocalRandom.current().nextDouble())));
			registry.registerBean("vaultRateLimiter", VaultRateLimiter.class, (bean) -> bean
				.supplier((context) -> new VaultRateLimiter(VaultRateLimiter.NOMAD_RATE, System::nanoTime)));
			registry.registerBean("vaultParallelRequests", ParallelRequests.class,
					(bean) -> bean.supplier((context) -> ParallelRequests.onOwnThreads("vault-request")));
			registry.registerBean(VaultAccessorStore.class,
					(bean) -> bean.fallback().supplier((context) -> new InMemoryVaultAccessorStore()));
			registry.registerBean("accessorRevoker", AccessorRevoker.class,
					(bean) -> bean.supplier((context) -> new AccessorRevoker(context.bean(VaultClient.class),
							context.bean(VaultConnection.class), context.bean(VaultAccessorStore.class),
							context.bean(ParallelRequests.class), AccessorRevoker.NOMAD_RETRY_INTERVAL,
							Clock.systemUTC())));
			registry.registerBean("taskTokenDeriver", TaskTokenDeriver.class,
					(bean) -> bean.supplier((context) -> new TaskTokenDeriver(context.bean(VaultClient.class),
							context.bean(VaultConnection.class), context.bean(VaultServerSettings.class),
							context.bean(VaultAccessorStore.class), context.bean(AccessorRevoker.class),
							context.bean(ParallelRequests.class), context.bean(VaultRateLimiter.class),
							context.beanProvider(NomadMetrics.class)
								.getIfAvailable(() -> NomadMetrics.using(new SimpleMeterRegistry())))));
			registry.registerBean("vaultTokenLookup", VaultTokenLookup.class,
					(bean) -> bean.supplier((context) -> new VaultTokenLookup(context.bean(VaultClient.class),
							context.bean(VaultConnection.class), context.bean(VaultRateLimiter.class))));
			registry.registerBean("vaultHealthIndicator", VaultHealthIndicator.class,
					(bean) -> bean.supplier((context) -> new VaultHealthIndicator(context.bean(VaultConnection.class),
							context.bean(VaultServerSettings.class).address())));
			registry.registerBean("vaultStats", VaultStats.class,
					(bean) -> bean.supplier((context) -> new VaultStats(context.bean(VaultConnection.class),
							context.bean(AccessorRevoker.class))));
		}

		/** Vault operations are active only on the leader (Nomad's SetActive on leadership changes). */
		private static VaultConnection connection(ClusterState cluster, AgentIdentity identity) {
			String self = identity.rpcAdvertise().toString();
			return new VaultConnection(() -> cluster.leader().map(self::equals).orElse(false), Clock.systemUTC());
		}

	}

}
