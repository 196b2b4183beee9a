package org.nomadagent.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Works out the address each agent service (HTTP, RPC, Serf) binds to and advertises, from
 * {@code bind_addr}, {@code addresses}, {@code advertise} and {@code ports}, as Nomad v0.5's
 * {@code pickAddress} does (reference §6), with one deliberate difference: when the bind address
 * is a wildcard ({@code 0.0.0.0} or {@code ::}) and nothing is advertised, the host's first
 * private address is advertised rather than {@code 127.0.0.1} (later Nomad's fix; see
 * docs/compatibility.md).
 */
public final class AgentAddresses {

	private final ConfigLayer config;

	private final HostResolver resolver;

	private final Supplier<Optional<InetAddress>> privateAddress;

	/**
	 * Creates the address logic for a configuration, resolving names through DNS.
	 * @param config the effective configuration
	 */
	public AgentAddresses(ConfigLayer config) {
		this(config, InetAddress::getByName, AgentAddresses::firstPrivateAddress);
	}

	/**
	 * Creates the address logic with a given resolver and private-address lookup (for tests).
	 * @param config the effective configuration
	 * @param resolver resolves host names
	 * @param privateAddress finds the host's first private address
	 */
	public AgentAddresses(ConfigLayer config, HostResolver resolver, Supplier<Optional<InetAddress>> privateAddress) {
		this.config = config;
		this.resolver = resolver;
		this.privateAddress = privateAddress;
	}

	/**
	 * Returns the address a service binds to: {@code addresses.<svc>}, else {@code bind_addr},
	 * else {@code 127.0.0.1}, with {@code ports.<svc>}.
	 * @param service the service
	 * @return the address
	 * @throws AddressException if the host is neither an IP address nor a name that resolves
	 */
	public ServiceAddress bind(Service service) throws AddressException {
		String host = bindHost(service);
		return resolve(service, host, port(service));
	}

	/**
	 * Returns the address a service advertises: {@code advertise.<svc>} (whose own port, if it
	 * has one, wins), else the bind host unless it is a wildcard, else the host's first private
	 * address, else {@code 127.0.0.1}.
	 * @param service the service
	 * @return the address
	 * @throws AddressException if the host is neither an IP address nor a name that resolves
	 */
	public ServiceAddress advertise(Service service) throws AddressException {
		long port = port(service);
		String advertised = this.config.text("advertise." + service.key());
		if (!advertised.isEmpty()) {
			String host = advertised;
			HostPort split = HostPort.split(advertised);
			if (split != null && split.port().matches("[+-]?[0-9]+")) {
				host = split.host();
				port = Long.parseLong(split.port().replace("+", ""));
			}
			return resolve(service, host, port);
		}
		// Nomad: addresses.<svc>, then bind_addr, each skipped when empty or a wildcard.
		for (String host : new String[] { this.config.text("addresses." + service.key()),
				this.config.text("bind_addr") }) {
			if (!host.isEmpty() && !isWildcard(host)) {
				return resolve(service, host, port);
			}
		}
		Optional<InetAddress> fallback = isWildcard(bindHost(service)) ? this.privateAddress.get() : Optional.empty();
		if (fallback.isPresent()) {
			return new ServiceAddress(fallback.get(), port);
		}
		return resolve(service, "127.0.0.1", port);
	}

	/**
	 * Returns the address Nomad checks a service on through Consul: the bind address, or the
	 * advertised one when the bind address is a wildcard ({@code preferBind}), or the advertised
	 * one (Nomad's {@code selectAddr}).
	 * @param service the service
	 * @param preferBind whether the bind address is preferred
	 * @return the address
	 * @throws AddressException if an address does not resolve
	 */
	public ServiceAddress checkTarget(Service service, boolean preferBind) throws AddressException {
		if (preferBind) {
			ServiceAddress bind = bind(service);
			if (!bind.address().isAnyLocalAddress()) {
				return bind;
			}
		}
		return advertise(service);
	}

	private String bindHost(Service service) {
		String address = this.config.text("addresses." + service.key());
		if (!address.isEmpty()) {
			return address;
		}
		String bindAddr = this.config.text("bind_addr");
		return bindAddr.isEmpty() ? "127.0.0.1" : bindAddr;
	}

	private long port(Service service) {
		return this.config.integer("ports." + service.key());
	}

	private ServiceAddress resolve(Service service, String host, long port) throws AddressException {
		InetAddress literal = IpAddresses.parse(host);
		if (literal != null) {
			return new ServiceAddress(literal, port);
		}
		try {
			return new ServiceAddress(this.resolver.resolve(host), port);
		}
		catch (UnknownHostException ex) {
			throw new AddressException(service, "Failed to parse " + service.label() + " \"" + host
					+ "\" as IP and failed to resolve address: lookup " + host + ": no such host");
		}
	}

	/**
	 * Returns whether a host is a wildcard address ({@code 0.0.0.0}, {@code ::}).
	 * @param host the host
	 * @return whether it is a wildcard
	 */
	public static boolean isWildcard(String host) {
		InetAddress address = IpAddresses.parse(host);
		return address != null && address.isAnyLocalAddress();
	}

	/**
	 * Returns the first private address of an interface that is up and not a loopback: an
	 * RFC 1918 or shared (RFC 6598) IPv4 address, then an IPv6 unique-local address; failing
	 * those, the first other global address.
	 */
	static Optional<InetAddress> firstPrivateAddress() {
		List<NetworkInterface> interfaces;
		try {
			interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
		}
		catch (SocketException ex) {
			return Optional.empty();
		}
		InetAddress fallback = null;
		for (boolean ipv4 : new boolean[] { true, false }) {
			for (NetworkInterface candidate : interfaces) {
				try {
					if (!candidate.isUp() || candidate.isLoopback()) {
						continue;
					}
				}
				catch (SocketException ex) {
					continue;
				}
				for (InterfaceAddress interfaceAddress : candidate.getInterfaceAddresses()) {
					InetAddress address = interfaceAddress.getAddress();
					if ((address instanceof Inet4Address) != ipv4 || address.isLinkLocalAddress()
							|| address.isLoopbackAddress()) {
						continue;
					}
					if (IpAddresses.isPrivate(address)) {
						return Optional.of(address);
					}
					if (fallback == null) {
						fallback = address;
					}
				}
			}
		}
		return Optional.ofNullable(fallback);
	}

	/**
	 * The three services an agent binds and advertises.
	 */
	public enum Service {

		/** The HTTP API. */
		HTTP,

		/** Server RPC. */
		RPC,

		/** Serf gossip. */
		SERF;

		/**
		 * Returns the configuration key of the service ({@code http}, {@code rpc}, {@code serf}).
		 */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Returns the name Nomad uses in messages ({@code HTTP}, {@code RPC}, {@code Serf}).
		 */
		public String label() {
			return (this == SERF) ? "Serf" : name();
		}

	}

	/**
	 * Resolves host names to addresses.
	 */
	@FunctionalInterface
	public interface HostResolver {

		/**
		 * Resolves a host name.
		 * @param host the name
		 * @return the first address
		 * @throws UnknownHostException if the name does not resolve
		 */
		InetAddress resolve(String host) throws UnknownHostException;

	}

	/**
	 * An address that is not an IP address and does not resolve, worded as Nomad words it.
	 */
	public static final class AddressException extends Exception {

		private final Service service;

		AddressException(Service service, String message) {
			super(message);
			this.service = service;
		}

		/**
		 * Returns the service whose address failed.
		 */
		public Service service() {
			return this.service;
		}

	}

}
