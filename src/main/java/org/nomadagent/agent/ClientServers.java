package org.nomadagent.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.nomadagent.config.HostPort;
import org.nomadagent.config.ServiceAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers a client talks to, as resolved {@code ip:port} endpoints: first the configured
 * {@code client.servers}, later whatever {@code PUT /v1/agent/servers} or Consul discovery sets.
 * An address without a port gets Nomad's RPC port 4647; addresses that do not resolve are skipped,
 * as Nomad's client skips them.
 */
public final class ClientServers {

	/** The RPC port a server address without one gets. */
	public static final int DEFAULT_RPC_PORT = 4647;

	private static final Logger logger = LoggerFactory.getLogger(ClientServers.class);

	private final AtomicReference<List<String>> endpoints = new AtomicReference<>(List.of());

	private final AgentAddressResolver resolver;

	/**
	 * Creates the list.
	 * @param resolver resolves host names
	 */
	public ClientServers(AgentAddressResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Returns the current endpoints.
	 */
	public List<String> endpoints() {
		return this.endpoints.get();
	}

	/**
	 * Resolves and sets the configured servers; logs a warning when none resolves.
	 * @param servers the configured {@code client.servers}
	 */
	public void configure(List<String> servers) {
		Resolution resolution = resolve(servers);
		if (!servers.isEmpty() && resolution.endpoints().isEmpty()) {
			logger.warn("client: None of the configured servers are valid: {}", String.join("; ", resolution.errors()));
		}
		this.endpoints.set(resolution.endpoints());
	}

	/**
	 * Replaces the endpoints with the addresses that resolve, if any does.
	 * @param addresses the addresses, as host[:port]
	 * @return the errors of the addresses that did not resolve
	 * @throws IllegalArgumentException if none resolves, with Nomad's aggregated message
	 */
	public List<String> replace(List<String> addresses) {
		Resolution resolution = resolve(addresses);
		if (resolution.endpoints().isEmpty()) {
			throw new IllegalArgumentException(resolution.errors().size() + " error(s) occurred:\n\n* "
					+ String.join("\n* ", resolution.errors()));
		}
		resolution.errors().forEach((error) -> logger.debug("client: ignoring server address: {}", error));
		this.endpoints.set(resolution.endpoints());
		return resolution.errors();
	}

	/**
	 * Replaces the endpoints with already resolved ones (from discovery).
	 * @param resolved the endpoints, as ip:port
	 */
	public void replaceResolved(List<String> resolved) {
		this.endpoints.set(List.copyOf(resolved));
	}

	private Resolution resolve(List<String> addresses) {
		List<String> resolved = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (String address : addresses) {
			try {
				resolved.add(resolveOne(address));
			}
			catch (IllegalArgumentException ex) {
				errors.add(ex.getMessage());
			}
		}
		return new Resolution(List.copyOf(resolved), errors);
	}

	private String resolveOne(String address) {
		if (address.isEmpty()) {
			throw new IllegalArgumentException("invalid empty server address");
		}
		HostPort hostPort = HostPort.split(address);
		String host = (hostPort != null) ? hostPort.host() : address;
		String portText = (hostPort != null) ? hostPort.port() : Integer.toString(DEFAULT_RPC_PORT);
		if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) > 65535) {
			throw new IllegalArgumentException("address tcp/" + portText + ": unknown port");
		}
		try {
			InetAddress ip = this.resolver.resolve(host);
			return new ServiceAddress(ip, Long.parseLong(portText)).toString();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("lookup " + host + ": no such host");
		}
	}

	private record Resolution(List<String> endpoints, List<String> errors) {
	}

}
