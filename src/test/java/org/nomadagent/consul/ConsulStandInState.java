package org.nomadagent.consul;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ConsulStandIn} knows, as a Consul agent knows it: the local agent's services and
 * checks (a check needs its service; removing a service removes its checks), and a catalog of
 * datacenters, the first one local, whose answers include the local agent's services. Thread-safe.
 */
final class ConsulStandInState {

	private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> checks = new LinkedHashMap<>();

	private final Map<String, List<Map<String, Object>>> catalog = new LinkedHashMap<>();

	ConsulStandInState() {
		this.catalog.put("dc1", new ArrayList<>());
		this.checks.put("serfHealth", check("serfHealth", "Serf Health Status", "", "passing"));
	}

	synchronized Map<String, Map<String, Object>> services() {
		return new LinkedHashMap<>(this.services);
	}

	synchronized Map<String, Map<String, Object>> checks() {
		return new LinkedHashMap<>(this.checks);
	}

	synchronized List<String> datacenters() {
		return List.copyOf(this.catalog.keySet());
	}

	synchronized void datacenters(String... names) {
		Map<String, List<Map<String, Object>>> previous = new LinkedHashMap<>(this.catalog);
		this.catalog.clear();
		for (String name : names) {
			this.catalog.put(name, previous.getOrDefault(name, new ArrayList<>()));
		}
	}

	synchronized void catalogEntry(String datacenter, String node, String nodeAddress, String service, String tag,
			String serviceAddress, int port) {
		this.catalog.get(datacenter)
			.add(catalogEntry(node, nodeAddress, service + "-" + tag + "-" + node, service, List.of(tag),
					serviceAddress, port));
	}

	/**
	 * Registers a service as the agent API's register endpoint does.
	 * @param registration the request body
	 */
	synchronized void registerService(Map<?, ?> registration) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("ID", registration.get("ID"));
		service.put("Service", registration.get("Name"));
		service.put("Tags", registration.get("Tags"));
		service.put("Port", registration.get("Port"));
		service.put("Address", registration.get("Address"));
		service.put("EnableTagOverride", Boolean.TRUE.equals(registration.get("EnableTagOverride")));
		this.services.put(String.valueOf(registration.get("ID")), service);
	}

	/**
	 * Registers a service and a passing check of it, as someone else would.
	 */
	synchronized void foreignService(String id, String name, int port) {
		registerService(Map.of("ID", id, "Name", name, "Tags", List.of(), "Port", port, "Address", ""));
		this.checks.put("service:" + id, check("service:" + id, "Service '" + name + "' check", id, "passing"));
	}

	synchronized void removeService(String id) {
		this.services.remove(id);
		this.checks.values().removeIf((check) -> id.equals(check.get("ServiceID")));
	}

	/**
	 * Registers a check as the agent API's register endpoint does.
	 * @param registration the request body
	 * @return Consul's error, or {@code null}
	 */
	synchronized String registerCheck(Map<?, ?> registration) {
		String serviceId = String.valueOf(registration.get("ServiceID"));
		if (!this.services.containsKey(serviceId)) {
			return "ServiceID \"" + serviceId + "\" does not exist";
		}
		String id = String.valueOf(registration.get("ID"));
		this.checks.put(id, check(id, String.valueOf(registration.get("Name")), serviceId, "critical"));
		return null;
	}

	synchronized void removeCheck(String id) {
		this.checks.remove(id);
	}

	/**
	 * Returns the catalog's instances of a service, or {@code null} for an unknown datacenter.
	 * @param name the service name
	 * @param datacenter the datacenter, {@code null} for the local one
	 * @param tag the tag the instances must have, or {@code null}
	 */
	synchronized List<Map<String, Object>> catalogService(String name, String datacenter, String tag) {
		String local = this.catalog.keySet().iterator().next();
		String dc = (datacenter != null) ? datacenter : local;
		if (!this.catalog.containsKey(dc)) {
			return null;
		}
		List<Map<String, Object>> entries = new ArrayList<>(this.catalog.get(dc));
		if (dc.equals(local)) {
			this.services.values()
				.forEach((service) -> entries.add(catalogEntry("standin", "127.0.0.1", service.get("ID"),
						service.get("Service"), service.get("Tags"), service.get("Address"), service.get("Port"))));
		}
		return entries.stream()
			.filter((entry) -> name.equals(entry.get("ServiceName")))
			.filter((entry) -> tag == null || ((List<?>) entry.get("ServiceTags")).contains(tag))
			.toList();
	}

	private static Map<String, Object> catalogEntry(String node, String nodeAddress, Object serviceId,
			Object serviceName, Object tags, Object serviceAddress, Object port) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("Node", node);
		entry.put("Address", nodeAddress);
		entry.put("ServiceID", serviceId);
		entry.put("ServiceName", serviceName);
		entry.put("ServiceTags", tags);
		entry.put("ServiceAddress", serviceAddress);
		entry.put("ServicePort", port);
		return entry;
	}

	private static Map<String, Object> check(String id, String name, String serviceId, String status) {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("Node", "standin");
		check.put("CheckID", id);
		check.put("Name", name);
		check.put("Status", status);
		check.put("Notes", "");
		check.put("Output", "");
		check.put("ServiceID", serviceId);
		check.put("ServiceName", "");
		return check;
	}

}
