package org.nomadagent.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.nomadagent.config.AgentAddresses;
import org.nomadagent.config.AgentAddresses.AddressException;
import org.nomadagent.config.AgentAddresses.Service;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.ServiceAddress;

/**
 * Who the running agent is: its node name, region and datacenter, its roles, and the addresses it
 * binds and advertises. Worked out once at start from the configuration, as Nomad does; a reload
 * does not change them.
 *
 * @param nodeName the node name ({@code name}, or the host name)
 * @param region the region
 * @param datacenter the datacenter
 * @param server whether the agent runs a server
 * @param client whether the agent runs a client
 * @param devMode whether the agent runs in dev mode
 * @param bootstrapExpect the configured {@code bootstrap_expect}
 * @param httpBind the address the HTTP API binds to
 * @param httpAdvertise the HTTP address the agent advertises
 * @param rpcAdvertise the RPC address the agent advertises
 * @param serfAdvertise the Serf address the agent advertises
 */
public record AgentIdentity(String nodeName, String region, String datacenter, boolean server, boolean client,
		boolean devMode, long bootstrapExpect, ServiceAddress httpBind, ServiceAddress httpAdvertise,
		ServiceAddress rpcAdvertise, ServiceAddress serfAdvertise) {

	/**
	 * Works out the identity of an agent.
	 * @param config the configuration it starts with
	 * @param addresses the address logic
	 * @return the identity
	 * @throws AddressException if an address does not resolve (the validation reports this first)
	 */
	public static AgentIdentity of(AgentConfig config, AgentAddresses addresses) throws AddressException {
		String name = config.layer().text("name");
		return new AgentIdentity(name.isEmpty() ? hostName() : name, config.layer().text("region"),
				config.layer().text("datacenter"), config.serverEnabled(), config.clientEnabled(), config.devMode(),
				config.layer().integer("server.bootstrap_expect"), addresses.bind(Service.HTTP),
				addresses.advertise(Service.HTTP), addresses.advertise(Service.RPC),
				addresses.advertise(Service.SERF));
	}

	/**
	 * Returns the name of the agent as a cluster member: {@code <node>.<region>}.
	 */
	public String memberName() {
		return this.nodeName + "." + this.region;
	}

	/**
	 * Returns whether a server elects itself without waiting for peers: in dev mode, or with
	 * {@code bootstrap_expect = 1} (Nomad's "bootstrap mode").
	 */
	public boolean bootstrapsAlone() {
		return this.server && (this.devMode || this.bootstrapExpect == 1);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String fromEnvironment = System.getenv("HOSTNAME");
			return (fromEnvironment != null) ? fromEnvironment : "localhost";
		}
	}

}
