package org.nomadagent.consul;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nomadagent.consul.ConsulClient.AgentCheck;
import org.nomadagent.consul.ConsulClient.AgentService;

/**
 * What one sync changes in Consul, worked out as Nomad v0.5's syncer does
 * ({@code calcServicesDiff}, {@code calcChecksDiff}): wanted entries that are missing or differ
 * are registered, and entries of the agent's own domains that are no longer wanted are removed.
 * Nothing outside those domains is ever touched.
 *
 * @param <T> the registration type
 * @param register the registrations to send
 * @param deregister the IDs to remove
 */
record ConsulSyncPlan<T>(List<T> register, List<String> deregister) {

	/**
	 * Returns whether the plan changes nothing.
	 */
	boolean isEmpty() {
		return this.register.isEmpty() && this.deregister.isEmpty();
	}

	/**
	 * Plans the services. A service differs when its name, port, address, tag set or tag
	 * override differs.
	 * @param wanted the services the agent advertises
	 * @param domains the domains the agent owns
	 * @param current the local Consul agent's services, by ID
	 * @return the plan
	 */
	static ConsulSyncPlan<ConsulClient.ServiceRegistration> services(List<AdvertisedService> wanted,
			Set<String> domains, Map<String, AgentService> current) {
		Map<String, AgentService> owned = new LinkedHashMap<>();
		current.forEach((id, service) -> {
			if (owned(service.id(), domains)) {
				owned.put(service.id(), service);
			}
		});
		List<ConsulClient.ServiceRegistration> register = new ArrayList<>();
		for (AdvertisedService advertised : wanted) {
			ConsulClient.ServiceRegistration service = advertised.service();
			AgentService existing = owned.remove(service.id());
			if (existing == null || !same(service, existing)) {
				register.add(service);
			}
		}
		return new ConsulSyncPlan<>(List.copyOf(register), List.copyOf(owned.keySet()));
	}

	/**
	 * Plans the checks. A check differs when its name, notes or service differs; a changed
	 * target or timing gives a new ID, so the old check is removed and the new one registered.
	 * @param wanted the services the agent advertises
	 * @param domains the domains the agent owns
	 * @param current the local Consul agent's checks, by ID
	 * @return the plan
	 */
	static ConsulSyncPlan<ConsulClient.CheckRegistration> checks(List<AdvertisedService> wanted,
			Set<String> domains, Map<String, AgentCheck> current) {
		Map<String, AgentCheck> owned = new LinkedHashMap<>();
		current.forEach((id, check) -> {
			if (owned(check.serviceId(), domains)) {
				owned.put(check.checkId(), check);
			}
		});
		List<ConsulClient.CheckRegistration> register = new ArrayList<>();
		for (AdvertisedService advertised : wanted) {
			ConsulClient.CheckRegistration check = advertised.check();
			AgentCheck existing = owned.remove(check.id());
			if (existing == null || !existing.name().equals(check.name()) || !existing.notes().isEmpty()
					|| !existing.serviceId().equals(check.serviceId())) {
				register.add(check);
			}
		}
		return new ConsulSyncPlan<>(List.copyOf(register), List.copyOf(owned.keySet()));
	}

	/**
	 * Returns whether a service ID belongs to one of the agent's domains.
	 * @param serviceId the service ID
	 * @param domains the domains
	 * @return whether it does
	 */
	static boolean owned(String serviceId, Set<String> domains) {
		for (String domain : domains) {
			if (serviceId.startsWith(AdvertisedService.idPrefix(domain))) {
				return true;
			}
		}
		return false;
	}

	private static boolean same(ConsulClient.ServiceRegistration wanted, AgentService existing) {
		return wanted.name().equals(existing.service()) && wanted.port() == existing.port()
				&& wanted.address().equals(existing.address()) && !existing.enableTagOverride()
				&& new HashSet<>(wanted.tags()).equals(new HashSet<>(existing.tags()));
	}

}
