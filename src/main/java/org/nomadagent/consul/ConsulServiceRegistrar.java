package org.nomadagent.consul;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Timer;

import org.nomadagent.consul.ConsulClient.AgentService;
import org.nomadagent.consul.ConsulClient.CheckRegistration;
import org.nomadagent.consul.ConsulClient.ServiceRegistration;
import org.nomadagent.telemetry.NomadMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the agent's {@link AdvertisedService services} and their checks registered with the
 * local Consul agent, as Nomad v0.5's syncer does (reference §8.1, §8.5, §8.6): each
 * {@link #sync()} lists the services, registers what is missing or has drifted and removes what
 * the agent owns but no longer wants, then does the same for the checks. On leave or shutdown,
 * {@link #deregister()} removes every service of the agent's domains ({@code _nomad-server-*},
 * {@code _nomad-client-*}), and Consul drops their checks with them; other services are never
 * touched.
 */
public final class ConsulServiceRegistrar {

	private static final Logger logger = LoggerFactory.getLogger(ConsulServiceRegistrar.class);

	private final ConsulClient consul;

	private final List<AdvertisedService> wanted;

	private final Set<String> domains = new LinkedHashSet<>();

	private volatile List<String> registered = List.of();

	private boolean deregistered;

	private final Timer syncTimer;

	/**
	 * Creates the registrar.
	 * @param consul the Consul client
	 * @param wanted the services to keep registered
	 * @param metrics where the duration of each sync is recorded ({@code nomad.consul.sync})
	 */
	public ConsulServiceRegistrar(ConsulClient consul, List<AdvertisedService> wanted, NomadMetrics metrics) {
		this.consul = consul;
		this.syncTimer = metrics.timer("consul", "sync");
		this.wanted = List.copyOf(wanted);
		wanted.forEach((service) -> this.domains.add(service.domain()));
	}

	/**
	 * Brings Consul in line with the wanted services and checks. Does nothing once
	 * {@link #deregister()} has run.
	 * @throws org.springframework.web.client.RestClientException if Consul cannot be reached or
	 * refuses a request
	 */
	public synchronized void sync() {
		if (this.deregistered) {
			return;
		}
		this.syncTimer.record(this::syncNow);
	}

	private void syncNow() {
		ConsulSyncPlan<ServiceRegistration> services = ConsulSyncPlan.services(this.wanted, this.domains,
				this.consul.agentServices());
		for (ServiceRegistration service : services.register()) {
			this.consul.registerService(service);
			logger.info("consul: registered service {} ({} at {}:{})", service.id(), service.name(),
					service.address(), service.port());
		}
		for (String id : services.deregister()) {
			this.consul.deregisterService(id);
			logger.info("consul: deregistered service {}, which the agent no longer advertises", id);
		}
		ConsulSyncPlan<CheckRegistration> checks = ConsulSyncPlan.checks(this.wanted, this.domains,
				this.consul.agentChecks());
		for (CheckRegistration check : checks.register()) {
			this.consul.registerCheck(check);
			logger.debug("consul: registered check {} ({} on {})", check.id(), check.name(), check.tcp());
		}
		for (String id : checks.deregister()) {
			this.consul.deregisterCheck(id);
			logger.debug("consul: deregistered check {}", id);
		}
		this.registered = this.wanted.stream().map((service) -> service.service().id()).toList();
	}

	/**
	 * Removes every service of the agent's domains from Consul, once; later syncs do nothing.
	 * A failure is logged, not thrown: the agent is leaving either way.
	 */
	public synchronized void deregister() {
		if (this.deregistered) {
			return;
		}
		this.deregistered = true;
		this.registered = List.of();
		if (this.domains.isEmpty()) {
			return;
		}
		Map<String, AgentService> services;
		try {
			services = this.consul.agentServices();
		}
		catch (RuntimeException ex) {
			logger.warn("consul: could not list services to deregister them: {}", ex.getMessage());
			logger.debug("consul: could not list services to deregister them", ex);
			return;
		}
		for (AgentService service : services.values()) {
			if (ConsulSyncPlan.owned(service.id(), this.domains)) {
				try {
					this.consul.deregisterService(service.id());
					logger.info("consul: deregistered service {}", service.id());
				}
				catch (RuntimeException ex) {
					logger.warn("consul: failed to deregister service {}: {}", service.id(), ex.getMessage());
					logger.debug("consul: failed to deregister service {}", service.id(), ex);
				}
			}
		}
	}

	/**
	 * Returns the IDs of the services registered and in sync after the last successful sync.
	 */
	public List<String> registered() {
		return this.registered;
	}

}
