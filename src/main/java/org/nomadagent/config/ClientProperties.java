package org.nomadagent.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code client} options of the agent configuration. Defaults are Nomad v0.5's.
 *
 * @param enabled Whether the agent runs a client
 * @param stateDir Absolute path of the directory holding the client's state; data_dir/client
 * when empty
 * @param allocDir Absolute path of the directory holding allocation data; data_dir/alloc when
 * empty
 * @param servers Servers the client talks to, as host[:port]
 * @param nodeClass Class of the client node
 * @param options Client options read by drivers and fingerprinters
 * @param meta User metadata of the client node
 * @param chrootEnv Host paths mapped into the chroot of exec and java tasks
 * @param networkInterface Network interface the client fingerprints and advertises
 * @param networkSpeed Link speed in Mbit/s to assume when it cannot be read
 * @param maxKillTimeout Upper bound of a task's kill timeout
 * @param clientMinPort Lowest port of the range kept for the client's plugins
 * @param clientMaxPort Highest port of the range kept for the client's plugins
 * @param reserved Resources taken away from the node's usable resources
 */
public record ClientProperties(boolean enabled, @DefaultValue("") String stateDir, @DefaultValue("") String allocDir,
		List<String> servers, @DefaultValue("") String nodeClass, Map<String, String> options,
		Map<String, String> meta, Map<String, String> chrootEnv, @DefaultValue("") String networkInterface,
		@DefaultValue("100") int networkSpeed, @DefaultValue("30s") GoDuration maxKillTimeout,
		@DefaultValue("14000") int clientMinPort, @DefaultValue("14512") int clientMaxPort,
		@DefaultValue Reserved reserved) {

	public ClientProperties {
		servers = (servers != null) ? List.copyOf(servers) : List.of();
		options = (options != null) ? Map.copyOf(options) : Map.of();
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
		chrootEnv = (chrootEnv != null) ? Map.copyOf(chrootEnv) : Map.of();
	}

	/**
	 * Resources reserved on the node.
	 *
	 * @param cpu CPU to reserve, in MHz
	 * @param memory Memory to reserve, in MB
	 * @param disk Disk space to reserve, in MB
	 * @param iops Disk IOPS to reserve
	 * @param reservedPorts Ports to reserve on every network device, such as "22,80,8000-8010"
	 */
	public record Reserved(int cpu, int memory, int disk, int iops, @DefaultValue("") String reservedPorts) {

		/**
		 * Returns the reserved ports, sorted and without duplicates.
		 */
		public List<Long> parsedReservedPorts() {
			try {
				return ReservedPorts.parse(this.reservedPorts);
			}
			catch (ReservedPorts.InvalidReservedPortsException ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		}

	}

}
