package org.nomadagent.consul;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.agent.ClusterState;
import org.nomadagent.config.GoDuration;
import org.nomadagent.config.ServiceAddress;
import org.nomadagent.consul.ConsulClient.CatalogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

/**
 * A server's search of Consul for its peers when it has no leader ({@code server_auto_join}),
 * run on every sync cycle as Nomad v0.5's bootstrap handler is (reference §8.7): with a leader it
 * only re-arms a 15s timer; without one it searches when the timer has run out (at once after
 * start), or, while {@code bootstrap_expect} is pending and the peers are too few, on its first
 * run; it searches every datacenter for the {@code serf}-tagged servers and re-arms for 45 to
 * 67.5 seconds. Joining the servers found needs Serf, which is not built yet: they are logged
 * and shown in the {@code consul} stats.
 */
public final class ConsulPeerDiscovery {

	static final Duration MAX_STALE_LEADERSHIP = Duration.ofSeconds(15);

	static final Duration PEERS_POLL_INTERVAL = Duration.ofSeconds(45);

	private static final Logger logger = LoggerFactory.getLogger(ConsulPeerDiscovery.class);

	private final ConsulClient consul;

	private final ClusterState cluster;

	private final AgentIdentity identity;

	private final String serviceName;

	private final Random random;

	private final LongSupplier nanoClock;

	private final WarningOnChange warnings = new WarningOnChange(logger);

	private long deadline;

	private long queries;

	private volatile List<String> discovered = List.of();

	/**
	 * Creates the search.
	 * @param consul the Consul client
	 * @param cluster the server's view of its cluster
	 * @param identity the agent (its Serf address is skipped, and its {@code bootstrap_expect})
	 * @param serviceName the servers' service name ({@code server_service_name})
	 * @param random the source of the shuffle and the jitter
	 * @param nanoClock a monotonic clock, in nanoseconds
	 */
	public ConsulPeerDiscovery(ConsulClient consul, ClusterState cluster, AgentIdentity identity, String serviceName,
			Random random, LongSupplier nanoClock) {
		this.consul = consul;
		this.cluster = cluster;
		this.identity = identity;
		this.serviceName = serviceName;
		this.random = random;
		this.nanoClock = nanoClock;
		// Nomad's timer starts expired: the first leaderless cycle searches at once.
		this.deadline = nanoClock.getAsLong();
	}

	/**
	 * Runs once per sync cycle.
	 * @throws ConsulDiscoveryException if Consul cannot be searched
	 */
	public synchronized void run() {
		if (this.cluster.leader().isPresent()) {
			rearm(MAX_STALE_LEADERSHIP);
			return;
		}
		boolean timedOut = this.nanoClock.getAsLong() - this.deadline >= 0;
		// bootstrap_expect = 1 means bootstrap mode in Nomad, with nothing left to wait for.
		long expect = (this.identity.bootstrapExpect() > 1) ? this.identity.bootstrapExpect() : 0;
		if (expect == 0 || this.queries > 0) {
			if (!timedOut) {
				return;
			}
		}
		if (expect > 0 && this.cluster.peers().size() >= expect) {
			rearmPoll();
			return;
		}
		this.queries++;
		logger.debug("server.consul: lost contact with Nomad quorum, falling back to Consul for server list");
		search();
	}

	/**
	 * Returns the {@code ip:port} Serf addresses the last search found.
	 */
	public List<String> discovered() {
		return this.discovered;
	}

	private void search() {
		List<String> datacenters;
		try {
			datacenters = ConsulDatacenters.searchOrder(this.consul.datacenters(), ConsulDatacenters.SERVER_LIMIT,
					this.random);
		}
		catch (RestClientException ex) {
			rearmPoll();
			throw new ConsulDiscoveryException("server.consul: unable to query Consul datacenters: " + ex.getMessage(),
					ex);
		}
		List<String> found = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (String datacenter : datacenters) {
			try {
				for (CatalogService instance : this.consul.catalogService(this.serviceName, "serf", datacenter)) {
					if (!isSelf(instance)) {
						found.add(instance.endpoint());
					}
				}
			}
			catch (RestClientException ex) {
				errors.add("failed to query service " + quote(this.serviceName) + " in Consul datacenter "
						+ quote(datacenter) + ": " + ex.getMessage());
			}
		}
		Duration next = rearmPoll();
		if (found.isEmpty() && !errors.isEmpty()) {
			throw ConsulDiscoveryException.of(errors);
		}
		if (errors.isEmpty()) {
			this.warnings.succeeded("server.consul: every Consul datacenter answers again");
		}
		else {
			// Servers were found elsewhere, so the sync does not fail: say what was missed.
			this.warnings.failed("server.consul: " + String.join("; ", errors), null);
		}
		if (found.isEmpty()) {
			logger.debug("server.consul: no Nomad Servers advertising service {} in Consul datacenters {}, sleeping for {}",
					quote(this.serviceName), ConsulDatacenters.quoted(datacenters), GoDuration.format(next));
		}
		else if (!found.equals(this.discovered)) {
			logger.info("server.consul: found {} Nomad Servers in Consul: {} (not joined: server clustering is not built yet)",
					found.size(), String.join(", ", found));
		}
		this.discovered = List.copyOf(found);
	}

	private boolean isSelf(CatalogService instance) {
		ServiceAddress self = this.identity.serfAdvertise();
		return self.host().equals(instance.host()) && self.port() == instance.servicePort();
	}

	private Duration rearmPoll() {
		long stagger = this.random.nextLong(PEERS_POLL_INTERVAL.toNanos() / 2);
		Duration next = PEERS_POLL_INTERVAL.plusNanos(stagger);
		rearm(next);
		return next;
	}

	private void rearm(Duration delay) {
		this.deadline = this.nanoClock.getAsLong() + delay.toNanos();
	}

	private static String quote(String text) {
		return org.nomadagent.config.hcl.GoStrconv.quote(text);
	}

}
