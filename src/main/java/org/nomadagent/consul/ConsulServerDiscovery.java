package org.nomadagent.consul;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

import org.nomadagent.agent.BackgroundThread;
import org.nomadagent.agent.ClientServers;
import org.nomadagent.consul.ConsulClient.CatalogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.client.RestClientException;

/**
 * A client's search of Consul for its servers ({@code client_auto_join}), as Nomad v0.5's
 * {@code consulDiscovery} (reference §8.8): when the client starts without servers, it searches
 * the datacenters (the local one first, the others shuffled, at most nine) for instances of
 * {@code server_service_name} tagged {@code rpc}, and the first datacenter that has any gives the
 * client its servers, the list {@code GET /v1/agent/servers} shows. Nomad asks each instance for
 * its Raft peers over RPC ({@code Status.Peers}); without RPC the instances are taken as the
 * catalog lists them. A search that fails or finds nothing is retried with back-off until one
 * succeeds or servers are set another way ({@code PUT /v1/agent/servers}).
 */
public final class ConsulServerDiscovery implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ConsulServerDiscovery.class);

	private final ConsulClient consul;

	private final ClientServers servers;

	private final String serviceName;

	private final ConsulSchedule schedule;

	private final Random random;

	private final WarningOnChange warnings = new WarningOnChange(logger);

	private final BackgroundThread thread = new BackgroundThread("consul-discovery");

	private volatile List<String> discovered = List.of();

	private int failures;

	/**
	 * Creates the search.
	 * @param consul the Consul client
	 * @param servers the client's server list, filled by the search
	 * @param serviceName the servers' service name ({@code server_service_name})
	 * @param schedule the retry schedule
	 * @param random the source of the shuffle
	 */
	public ConsulServerDiscovery(ConsulClient consul, ClientServers servers, String serviceName,
			ConsulSchedule schedule, Random random) {
		this.consul = consul;
		this.servers = servers;
		this.serviceName = serviceName;
		this.schedule = schedule;
		this.random = random;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = this.thread.start();
		if (this.servers.endpoints().isEmpty()) {
			executor.execute(this::attempt);
		}
	}

	@Override
	public void stop() {
		this.thread.stop();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	/**
	 * Returns the servers the last successful search found, as {@code host:port}.
	 */
	public List<String> discovered() {
		return this.discovered;
	}

	private void attempt() {
		if (!this.servers.endpoints().isEmpty()) {
			return;
		}
		try {
			List<String> found = search();
			this.servers.replace(found);
			this.discovered = found;
			this.warnings.succeeded("client.consul: discovering servers works again");
			logger.info("client.consul: discovered following Servers: {}", String.join(", ", found));
		}
		catch (RuntimeException ex) {
			if (!this.thread.isRunning()) {
				// Stopped meanwhile: the agent is going away.
				return;
			}
			this.failures++;
			this.warnings.failed("client.consul: error discovering nomad servers: " + ex.getMessage(), ex);
			this.thread.schedule(this::attempt, this.schedule.retry(this.failures, this.schedule.discoveryRetryLimit()));
		}
	}

	/**
	 * Searches the catalog once.
	 * @return the instances of the first datacenter that has any, as {@code host:port}
	 * @throws ConsulDiscoveryException if the search fails or finds nothing
	 */
	List<String> search() {
		List<String> datacenters;
		try {
			datacenters = ConsulDatacenters.searchOrder(this.consul.datacenters(), ConsulDatacenters.CLIENT_LIMIT,
					this.random);
		}
		catch (RestClientException ex) {
			throw new ConsulDiscoveryException("client.consul: unable to query Consul datacenters: " + ex.getMessage(),
					ex);
		}
		logger.debug("client.consul: bootstrap contacting following Consul DCs: {}",
				ConsulDatacenters.quoted(datacenters));
		List<String> errors = new ArrayList<>();
		for (String datacenter : datacenters) {
			List<CatalogService> instances;
			try {
				instances = this.consul.catalogService(this.serviceName, "rpc", datacenter);
			}
			catch (RestClientException ex) {
				errors.add("unable to query service " + quote(this.serviceName) + " from Consul datacenter "
						+ quote(datacenter) + ": " + ex.getMessage());
				continue;
			}
			if (!instances.isEmpty()) {
				return instances.stream().map(CatalogService::endpoint).toList();
			}
		}
		if (!errors.isEmpty()) {
			throw ConsulDiscoveryException.of(errors);
		}
		throw new ConsulDiscoveryException("no Nomad Servers advertising service " + quote(this.serviceName)
				+ " in Consul datacenters: " + ConsulDatacenters.quoted(datacenters), null);
	}

	private static String quote(String text) {
		return org.nomadagent.config.hcl.GoStrconv.quote(text);
	}

}
