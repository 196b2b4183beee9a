package org.nomadagent.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The top-level options of the Nomad agent configuration, bound from the agent's configuration
 * files and flags (see {@link NomadConfigPropertySource}). Defaults are Nomad v0.5's.
 *
 * @param region Region of the agent
 * @param datacenter Datacenter of the agent
 * @param name Node name of the agent; the host name when empty
 * @param dataDir Absolute path of the directory holding the agent's state
 * @param logLevel Minimum level of the log lines written: TRACE, DEBUG, INFO, WARN or ERR
 * @param bindAddr Address the agent's network services bind to
 * @param enableDebug Whether the debugging routes under /debug are served
 * @param leaveOnInterrupt Whether the agent leaves gracefully on SIGINT
 * @param leaveOnTerminate Whether the agent leaves gracefully on SIGTERM
 * @param enableSyslog Whether log lines are also sent to the local syslog
 * @param syslogFacility Syslog facility the log lines are sent with
 * @param disableUpdateCheck Whether the check for new versions is off (accepted; no check is made)
 * @param disableAnonymousSignature Whether the anonymous signature of the update check is off
 * (accepted; no check is made)
 * @param httpApiResponseHeaders Headers added to every HTTP API response
 * @param ports Ports of the agent's network services
 * @param addresses Addresses each network service binds to, overriding bind_addr
 * @param advertise Addresses each network service advertises to the rest of the cluster
 * @param client Client options
 * @param server Server options
 * @param atlas Atlas options (accepted and validated; Atlas is not contacted)
 * @param devMode Whether the agent runs in development mode (-dev)
 * @param files Configuration files the configuration was loaded from, in order
 */
@ConfigurationProperties("nomad")
public record AgentProperties(@DefaultValue("global") String region, @DefaultValue("dc1") String datacenter,
		@DefaultValue("") String name, @DefaultValue("") String dataDir, @DefaultValue("INFO") String logLevel,
		@DefaultValue("127.0.0.1") String bindAddr, boolean enableDebug, boolean leaveOnInterrupt,
		boolean leaveOnTerminate, boolean enableSyslog, @DefaultValue("LOCAL0") String syslogFacility,
		boolean disableUpdateCheck, boolean disableAnonymousSignature, Map<String, String> httpApiResponseHeaders,
		@DefaultValue Ports ports, @DefaultValue Addresses addresses, @DefaultValue Addresses advertise,
		@DefaultValue @NestedConfigurationProperty ClientProperties client,
		@DefaultValue @NestedConfigurationProperty ServerProperties server,
		@DefaultValue Atlas atlas, boolean devMode, List<String> files) {

	public AgentProperties {
		httpApiResponseHeaders = (httpApiResponseHeaders != null) ? Map.copyOf(httpApiResponseHeaders) : Map.of();
		files = (files != null) ? List.copyOf(files) : List.of();
	}

	/**
	 * The ports of the agent's network services.
	 *
	 * @param http Port of the HTTP API
	 * @param rpc Port of server RPC
	 * @param serf Port of Serf gossip
	 */
	public record Ports(@DefaultValue("4646") int http, @DefaultValue("4647") int rpc, @DefaultValue("4648") int serf) {
	}

	/**
	 * An address for each of the agent's network services.
	 *
	 * @param http Address of the HTTP API
	 * @param rpc Address of server RPC
	 * @param serf Address of Serf gossip
	 */
	public record Addresses(@DefaultValue("") String http, @DefaultValue("") String rpc,
			@DefaultValue("") String serf) {
	}

	/**
	 * Atlas options, accepted and validated as in Nomad v0.5; Atlas is not contacted.
	 *
	 * @param infrastructure Atlas infrastructure name
	 * @param token Atlas API token
	 * @param join Whether to join the cluster through Atlas
	 * @param endpoint Atlas endpoint
	 */
	public record Atlas(@DefaultValue("") String infrastructure, @DefaultValue("") Secret token, boolean join,
			@DefaultValue("") String endpoint) {
	}

}
