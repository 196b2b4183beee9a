package org.nomadagent.consul;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.nomadagent.agent.AgentIdentity;
import org.nomadagent.config.ServiceAddress;
import org.nomadagent.consul.ConsulClient.CheckRegistration;
import org.nomadagent.consul.ConsulClient.ServiceRegistration;

/**
 * A service the agent advertises in Consul with its TCP check, built as Nomad v0.5's
 * {@code setupServer}/{@code setupClient} build them (reference §8.2-8.4). Nomad's server also
 * advertises {@code rpc} and {@code serf} services; the agent does not serve RPC or Serf yet, and
 * advertising ports nobody listens on would send clients and peers to them, so only the
 * {@code http} services are built.
 *
 * @param domain the domain the service belongs to ({@code server} or {@code client}), which
 * decides the Consul services the agent owns
 * @param service the service registration
 * @param check the check registration
 */
public record AdvertisedService(String domain, ServiceRegistration service, CheckRegistration check) {

	/** The prefix of every service ID Nomad registers. */
	static final String ID_PREFIX = "_nomad";

	/**
	 * Returns the services an agent advertises.
	 * @param identity the agent (roles and addresses)
	 * @param consul the {@code consul} block (service names, {@code checks_use_advertise})
	 * @return the services, the server's first
	 */
	public static List<AdvertisedService> of(AgentIdentity identity, ConsulProperties consul) {
		List<AdvertisedService> services = new ArrayList<>();
		ServiceAddress checkTarget = checkTarget(identity, !consul.checksUseAdvertise());
		if (identity.server()) {
			services.add(http("server", consul.serverServiceName(), identity.httpAdvertise(), checkTarget,
					"Nomad Server HTTP Check", "10s", "6s"));
		}
		if (identity.client()) {
			services.add(http("client", consul.clientServiceName(), identity.httpAdvertise(), checkTarget,
					"Nomad Client HTTP Check", "10s", "3s"));
		}
		return List.copyOf(services);
	}

	/**
	 * Returns the prefix of the IDs of every service of a domain: {@code _nomad-server-}. The
	 * trailing hyphen keeps a domain from claiming another whose name it begins.
	 * @param domain the domain
	 * @return the prefix
	 */
	static String idPrefix(String domain) {
		return ID_PREFIX + "-" + domain + "-";
	}

	/**
	 * Returns a check's ID as Nomad computes it ({@code ServiceCheck.Hash}): the lowercase hex
	 * SHA-1 of the service ID, the check's name, type, command, arguments, path, protocol, port
	 * label (here the {@code ip:port} target), interval and timeout, concatenated.
	 * @param serviceId the service ID
	 * @param name the check's name
	 * @param type the check's type ({@code tcp})
	 * @param target the check's target
	 * @param interval the interval, as a Go duration
	 * @param timeout the timeout, as a Go duration
	 * @return the ID
	 */
	static String checkId(String serviceId, String name, String type, String target, String interval,
			String timeout) {
		// Command, arguments, path and protocol are empty for a TCP check.
		String text = serviceId + name + type + "" + "" + "" + "" + target + interval + timeout;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	/**
	 * Returns where Consul checks the HTTP API (Nomad's {@code selectAddr}): the bound address
	 * when preferred and not a wildcard, the advertised address otherwise.
	 */
	private static ServiceAddress checkTarget(AgentIdentity identity, boolean preferBind) {
		if (preferBind && !identity.httpBind().address().isAnyLocalAddress()) {
			return identity.httpBind();
		}
		return identity.httpAdvertise();
	}

	private static AdvertisedService http(String domain, String name, ServiceAddress advertised,
			ServiceAddress checkTarget, String checkName, String interval, String timeout) {
		List<String> tags = List.of("http");
		String id = idPrefix(domain) + name + "-" + String.join("-", tags);
		ServiceRegistration service = new ServiceRegistration(id, name, tags, (int) advertised.port(),
				advertised.host());
		String target = checkTarget.toString();
		CheckRegistration check = new CheckRegistration(checkId(id, checkName, "tcp", target, interval, timeout),
				checkName, id, interval, timeout, target);
		return new AdvertisedService(domain, service, check);
	}

}
