package org.nomadagent.consul;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The Consul HTTP API calls the agent makes, and nothing more: the local agent's services and
 * checks, and the catalog's datacenters and service instances. The request bodies are written
 * field for field as Nomad v0.5's Consul client writes them (reference §8.3), which is why they
 * are our own records rather than Spring Cloud Consul's models. Built by
 * {@link ConsulClientFactory}; every call sends the ACL token and basic authentication when
 * configured, and throws a {@link org.springframework.web.client.RestClientException} when
 * Consul cannot be reached or answers with an error.
 */
public interface ConsulClient {

	/** The header carrying the ACL token. */
	String TOKEN_HEADER = "X-Consul-Token";

	/** Sorts catalog answers by round-trip time from the local agent. */
	String NEAR_AGENT = "_agent";

	/** Nomad's query wait ({@code DefaultQueryWaitDuration}). */
	String WAIT = "2000ms";

	/**
	 * Lists the services registered with the local agent, by ID.
	 * @see <a href="https://developer.hashicorp.com/consul/api-docs/agent/service">GET /v1/agent/services</a>
	 */
	@GetExchange("/v1/agent/services")
	Map<String, AgentService> agentServices();

	/**
	 * Lists the checks registered with the local agent, by ID.
	 */
	@GetExchange("/v1/agent/checks")
	Map<String, AgentCheck> agentChecks();

	/**
	 * Registers (or replaces) a service with the local agent.
	 * @param service the service
	 */
	@PutExchange("/v1/agent/service/register")
	void registerService(@RequestBody ServiceRegistration service);

	/**
	 * Removes a service, and with it its checks, from the local agent.
	 * @param serviceId the service's ID
	 */
	@PutExchange("/v1/agent/service/deregister/{serviceId}")
	void deregisterService(@PathVariable String serviceId);

	/**
	 * Registers (or replaces) a check with the local agent.
	 * @param check the check
	 */
	@PutExchange("/v1/agent/check/register")
	void registerCheck(@RequestBody CheckRegistration check);

	/**
	 * Removes a check from the local agent.
	 * @param checkId the check's ID
	 */
	@PutExchange("/v1/agent/check/deregister/{checkId}")
	void deregisterCheck(@PathVariable String checkId);

	/**
	 * Lists the known datacenters, the local one first (Consul sorts them by round-trip time).
	 */
	@GetExchange("/v1/catalog/datacenters")
	List<String> datacenters();

	/**
	 * Lists the catalog's instances of a service in a datacenter, as Nomad queries them: any
	 * server may answer ({@code stale}), nearest to the local agent first, with Nomad's 2s wait.
	 * The parameters are in the order Go writes them. The catalog does not filter by health.
	 * @param name the service name
	 * @param datacenter the datacenter
	 * @param near {@link #NEAR_AGENT}
	 * @param stale {@code ""}
	 * @param tag the tag the instances must have
	 * @param wait {@link #WAIT}
	 */
	@GetExchange("/v1/catalog/service/{name}")
	List<CatalogService> catalogService(@PathVariable String name, @RequestParam("dc") String datacenter,
			@RequestParam("near") String near, @RequestParam("stale") String stale, @RequestParam("tag") String tag,
			@RequestParam("wait") String wait);

	/**
	 * Lists the instances of a service with a tag in a datacenter, as Nomad's discovery does.
	 * @param name the service name
	 * @param tag the tag
	 * @param datacenter the datacenter
	 * @return the instances
	 */
	default List<CatalogService> catalogService(String name, String tag, String datacenter) {
		return catalogService(name, datacenter, NEAR_AGENT, "", tag, WAIT);
	}

	/**
	 * The body of {@code PUT /v1/agent/service/register}, as Nomad v0.5 sends it: no
	 * {@code EnableTagOverride} (false is omitted), and {@code Check} and {@code Checks} as
	 * {@code null} because checks are registered on their own.
	 *
	 * @param id the service ID
	 * @param name the service name
	 * @param tags the tags
	 * @param port the port
	 * @param address the address
	 */
	@JsonPropertyOrder({ "ID", "Name", "Tags", "Port", "Address", "Check", "Checks" })
	record ServiceRegistration(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Port") int port,
			@JsonProperty("Address") String address) {

		public ServiceRegistration {
			tags = List.copyOf(tags);
		}

		@JsonProperty("Check")
		@JsonInclude(JsonInclude.Include.ALWAYS)
		Object check() {
			return null;
		}

		@JsonProperty("Checks")
		@JsonInclude(JsonInclude.Include.ALWAYS)
		Object checks() {
			return null;
		}

	}

	/**
	 * The body of {@code PUT /v1/agent/check/register} for a TCP check, as Nomad v0.5 sends it.
	 *
	 * @param id the check ID
	 * @param name the check name
	 * @param serviceId the ID of the service checked
	 * @param interval the interval, as a Go duration
	 * @param timeout the timeout, as a Go duration
	 * @param tcp the {@code ip:port} the check connects to
	 */
	@JsonPropertyOrder({ "ID", "Name", "ServiceID", "Interval", "Timeout", "TCP" })
	record CheckRegistration(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
			@JsonProperty("ServiceID") String serviceId, @JsonProperty("Interval") String interval,
			@JsonProperty("Timeout") String timeout, @JsonProperty("TCP") String tcp) {
	}

	/**
	 * A service as the local agent reports it.
	 *
	 * @param id the service ID
	 * @param service the service name
	 * @param tags the tags
	 * @param port the port
	 * @param address the address
	 * @param enableTagOverride whether catalog tag changes are kept
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AgentService(@JsonProperty("ID") String id, @JsonProperty("Service") String service,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Port") int port,
			@JsonProperty("Address") String address, @JsonProperty("EnableTagOverride") boolean enableTagOverride) {

		public AgentService {
			id = (id != null) ? id : "";
			service = (service != null) ? service : "";
			tags = (tags != null) ? List.copyOf(tags) : List.of();
			address = (address != null) ? address : "";
		}

	}

	/**
	 * A check as the local agent reports it.
	 *
	 * @param checkId the check ID
	 * @param name the check name
	 * @param notes the notes
	 * @param serviceId the ID of the service checked, empty for a node check
	 * @param status the status
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AgentCheck(@JsonProperty("CheckID") String checkId, @JsonProperty("Name") String name,
			@JsonProperty("Notes") String notes, @JsonProperty("ServiceID") String serviceId,
			@JsonProperty("Status") String status) {

		public AgentCheck {
			checkId = (checkId != null) ? checkId : "";
			name = (name != null) ? name : "";
			notes = (notes != null) ? notes : "";
			serviceId = (serviceId != null) ? serviceId : "";
		}

	}

	/**
	 * An instance of a service in the catalog.
	 *
	 * @param node the node's name
	 * @param address the node's address
	 * @param serviceId the service ID
	 * @param serviceAddress the service's own address, empty when it uses the node's
	 * @param servicePort the service's port
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CatalogService(@JsonProperty("Node") String node, @JsonProperty("Address") String address,
			@JsonProperty("ServiceID") String serviceId, @JsonProperty("ServiceAddress") String serviceAddress,
			@JsonProperty("ServicePort") int servicePort) {

		/**
		 * Returns the host to reach the instance at: its service address, or the node's
		 * address when it has none (as Nomad picks it).
		 */
		public String host() {
			return (this.serviceAddress != null && !this.serviceAddress.isEmpty()) ? this.serviceAddress
					: (this.address != null) ? this.address : "";
		}

		/**
		 * Returns the instance's {@code host:port} ({@code [host]:port} for an IPv6 address),
		 * as Go's {@code net.JoinHostPort} writes it.
		 */
		public String endpoint() {
			String host = host();
			return (host.contains(":") ? "[" + host + "]" : host) + ":" + this.servicePort;
		}

	}

}
