package org.nomadagent.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code server} options of the agent configuration. Defaults are Nomad v0.5's.
 *
 * @param enabled Whether the agent runs a server
 * @param bootstrapExpect Number of servers to wait for before bootstrapping; 1 lets a single
 * server elect itself
 * @param dataDir Directory of the server's state; data_dir/server when empty
 * @param protocolVersion Nomad protocol version the server speaks; only 1 exists
 * @param numSchedulers Number of scheduler workers; the number of CPUs when 0
 * @param enabledSchedulers Schedulers the server runs; all of them when empty
 * @param nodeGcThreshold How long a terminal node is kept before it is garbage collected
 * @param heartbeatGrace Time a node may miss its heartbeat before it is marked down
 * @param startJoin Servers to join at start
 * @param retryJoin Servers to join, retrying until it succeeds
 * @param retryMax Number of join attempts before giving up; 0 retries forever
 * @param retryInterval Time between join attempts
 * @param rejoinAfterLeave Whether to rejoin after a previous leave (as in Nomad v0.5, it always
 * rejoins)
 * @param encrypt Base64 gossip encryption key
 */
public record ServerProperties(boolean enabled, int bootstrapExpect, @DefaultValue("") String dataDir,
		int protocolVersion, int numSchedulers, List<String> enabledSchedulers, GoDuration nodeGcThreshold,
		GoDuration heartbeatGrace, List<String> startJoin, List<String> retryJoin, int retryMax,
		@DefaultValue("30s") GoDuration retryInterval, boolean rejoinAfterLeave, @DefaultValue("") Secret encrypt) {

	/** Nomad's node GC threshold when none is configured. */
	public static final Duration DEFAULT_NODE_GC_THRESHOLD = Duration.ofHours(24);

	/** Nomad's heartbeat grace when none is configured. */
	public static final Duration DEFAULT_HEARTBEAT_GRACE = Duration.ofSeconds(10);

	public ServerProperties {
		enabledSchedulers = (enabledSchedulers != null) ? List.copyOf(enabledSchedulers) : List.of();
		startJoin = (startJoin != null) ? List.copyOf(startJoin) : List.of();
		retryJoin = (retryJoin != null) ? List.copyOf(retryJoin) : List.of();
	}

	/**
	 * Returns the node GC threshold, or Nomad's default of 24h.
	 */
	public Duration effectiveNodeGcThreshold() {
		return (this.nodeGcThreshold != null) ? this.nodeGcThreshold.duration() : DEFAULT_NODE_GC_THRESHOLD;
	}

	/**
	 * Returns the heartbeat grace, or Nomad's default of 10s.
	 */
	public Duration effectiveHeartbeatGrace() {
		return (this.heartbeatGrace != null) ? this.heartbeatGrace.duration() : DEFAULT_HEARTBEAT_GRACE;
	}

}
