package org.nomadagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nomadagent.config.ConfigField.Exposure;

/**
 * Every key the Nomad v0.5.0-rc1 agent accepts in its configuration files, with the Go field
 * name its API shows, the kind of value and the merge rule. The lists of valid keys are those of
 * {@code command/agent/config_parse.go} at that tag, including the keys the documentation page
 * leaves out ({@code client_min_port}, {@code heartbeat_grace}, {@code collection_interval},
 * {@code consul.timeout}, {@code reserved.iops}, and the ignored {@code interfaces} and
 * {@code client.stats} blocks).
 */
public final class AgentConfigSchema {

	/** The root of an agent configuration file. */
	public static final ConfigBlock ROOT = root();

	private static final Map<String, ConfigField> FIELDS_BY_PATH = index(ROOT);

	private static final List<ConfigField> FIELDS = List.copyOf(FIELDS_BY_PATH.values());

	private AgentConfigSchema() {
	}

	/**
	 * Returns the field at the given HCL path.
	 * @param path a dotted path such as {@code client.max_kill_timeout}
	 * @return the field
	 * @throws IllegalArgumentException if the schema has no such field
	 */
	public static ConfigField field(String path) {
		ConfigField field = FIELDS_BY_PATH.get(path);
		if (field == null) {
			throw new IllegalArgumentException("No configuration key '" + path + "'");
		}
		return field;
	}

	/**
	 * Returns every field of every block, in declaration order.
	 */
	public static List<ConfigField> fields() {
		return FIELDS;
	}

	private static ConfigBlock root() {
		return new Builder("", "")
			.text("region", "Region")
			.text("datacenter", "Datacenter")
			.text("name", "NodeName")
			.text("data_dir", "DataDir")
			.text("log_level", "LogLevel")
			.text("bind_addr", "BindAddr")
			.bool("enable_debug", "EnableDebug")
			.bool("leave_on_interrupt", "LeaveOnInt")
			.bool("leave_on_terminate", "LeaveOnTerm")
			.bool("enable_syslog", "EnableSyslog")
			.text("syslog_facility", "SyslogFacility")
			.bool("disable_update_check", "DisableUpdateCheck")
			.bool("disable_anonymous_signature", "DisableAnonymousSignature")
			.map("http_api_response_headers", "HTTPAPIResponseHeaders")
			.block(serviceBlock("ports", "Ports", true))
			.block(serviceBlock("addresses", "Addresses", false))
			.block(serviceBlock("advertise", "AdvertiseAddrs", false))
			.block(client())
			.block(server())
			.block(telemetry())
			.block(atlas())
			.block(consul())
			.block(vault())
			.block(tls())
			.ignore("interfaces")
			.build();
	}

	private static Builder serviceBlock(String key, String goName, boolean ports) {
		Builder builder = new Builder(key, goName);
		for (String[] service : new String[][] { { "http", "HTTP" }, { "rpc", "RPC" }, { "serf", "Serf" } }) {
			if (ports) {
				builder.integer(service[0], service[1]);
			}
			else {
				builder.text(service[0], service[1]);
			}
		}
		return builder;
	}

	private static Builder client() {
		return new Builder("client", "Client").bool("enabled", "Enabled")
			.text("state_dir", "StateDir")
			.text("alloc_dir", "AllocDir")
			.list("servers", "Servers", true)
			.text("node_class", "NodeClass")
			.map("options", "Options")
			.map("meta", "Meta")
			.map("chroot_env", "ChrootEnv")
			.text("network_interface", "NetworkInterface")
			.integer("network_speed", "NetworkSpeed")
			.duration("max_kill_timeout", "MaxKillTimeout")
			.integer("client_max_port", "ClientMaxPort")
			.integer("client_min_port", "ClientMinPort")
			.block(new Builder("reserved", "Reserved").integer("cpu", "CPU")
				.integer("memory", "MemoryMB")
				.integer("disk", "DiskMB")
				.integer("iops", "IOPS")
				.add("reserved_ports", "ReservedPorts", ValueKind.RESERVED_PORTS, Exposure.SHOWN))
			.ignore("stats");
	}

	private static Builder server() {
		return new Builder("server", "Server").bool("enabled", "Enabled")
			.add("bootstrap_expect", "BootstrapExpect", ValueKind.INT, MergeRule.REPLACE_POSITIVE)
			.text("data_dir", "DataDir")
			.integer("protocol_version", "ProtocolVersion")
			.integer("num_schedulers", "NumSchedulers")
			.list("enabled_schedulers", "EnabledSchedulers", true)
			.duration("node_gc_threshold", "NodeGCThreshold")
			.duration("heartbeat_grace", "HeartbeatGrace")
			.list("start_join", "StartJoin", false)
			.list("retry_join", "RetryJoin", false)
			.integer("retry_max", "RetryMaxAttempts")
			.duration("retry_interval", "RetryInterval")
			.bool("rejoin_after_leave", "RejoinAfterLeave")
			.add("encrypt", "EncryptKey", ValueKind.STRING, Exposure.HIDDEN);
	}

	private static Builder telemetry() {
		return new Builder("telemetry", "Telemetry").text("statsite_address", "StatsiteAddr")
			.text("statsd_address", "StatsdAddr")
			.text("datadog_address", "DataDogAddr")
			.bool("disable_hostname", "DisableHostname")
			.duration("collection_interval", "CollectionInterval")
			.bool("publish_allocation_metrics", "PublishAllocationMetrics")
			.bool("publish_node_metrics", "PublishNodeMetrics")
			.add("circonus_api_token", "CirconusAPIToken", ValueKind.STRING, Exposure.REDACTED)
			.text("circonus_api_app", "CirconusAPIApp")
			.text("circonus_api_url", "CirconusAPIURL")
			.text("circonus_submission_interval", "CirconusSubmissionInterval")
			.text("circonus_submission_url", "CirconusCheckSubmissionURL")
			.text("circonus_check_id", "CirconusCheckID")
			.text("circonus_check_force_metric_activation", "CirconusCheckForceMetricActivation")
			.text("circonus_check_instance_id", "CirconusCheckInstanceID")
			.text("circonus_check_search_tag", "CirconusCheckSearchTag")
			.text("circonus_broker_id", "CirconusBrokerID")
			.text("circonus_broker_select_tag", "CirconusBrokerSelectTag");
	}

	private static Builder atlas() {
		return new Builder("atlas", "Atlas").text("infrastructure", "Infrastructure")
			.add("token", "Token", ValueKind.STRING, Exposure.HIDDEN)
			.bool("join", "Join")
			.text("endpoint", "Endpoint");
	}

	private static Builder consul() {
		// The booleans are optional (last explicit value wins, false included) rather than
		// Nomad v0.5's "true wins": see docs/compatibility.md, D1 and D2.
		return new Builder("consul", "Consul").text("address", "Addr")
			.add("auth", "Auth", ValueKind.STRING, Exposure.REDACTED)
			.optionalBool("auto_advertise", "AutoAdvertise")
			.text("ca_file", "CAFile")
			.text("cert_file", "CertFile")
			.optionalBool("checks_use_advertise", "ChecksUseAdvertise")
			.optionalBool("client_auto_join", "ClientAutoJoin")
			.text("client_service_name", "ClientServiceName")
			.text("key_file", "KeyFile")
			.optionalBool("server_auto_join", "ServerAutoJoin")
			.text("server_service_name", "ServerServiceName")
			.optionalBool("ssl", "EnableSSL")
			.add("timeout", "Timeout", ValueKind.DURATION_NANOS, Exposure.SHOWN)
			.add("token", "Token", ValueKind.STRING, Exposure.REDACTED)
			.optionalBool("verify_ssl", "VerifySSL");
	}

	private static Builder vault() {
		return new Builder("vault", "Vault").text("address", "Addr")
			.optionalBool("allow_unauthenticated", "AllowUnauthenticated")
			.optionalBool("enabled", "Enabled")
			.duration("task_token_ttl", "TaskTokenTTL")
			.text("tls_ca_file", "TLSCaFile")
			.text("tls_ca_path", "TLSCaPath")
			.text("tls_cert_file", "TLSCertFile")
			.text("tls_key_file", "TLSKeyFile")
			.text("tls_server_name", "TLSServerName")
			.optionalBool("tls_skip_verify", "TLSSkipVerify")
			.add("token", "Token", ValueKind.STRING, Exposure.REDACTED);
	}

	private static Builder tls() {
		return new Builder("tls", "TLSConfig").bool("http", "EnableHTTP")
			.bool("rpc", "EnableRPC")
			.bool("verify_server_hostname", "VerifyServerHostname")
			.text("ca_file", "CAFile")
			.text("cert_file", "CertFile")
			.text("key_file", "KeyFile");
	}

	private static Map<String, ConfigField> index(ConfigBlock block) {
		Map<String, ConfigField> index = new LinkedHashMap<>();
		collect(block, index);
		return Collections.unmodifiableMap(index);
	}

	private static void collect(ConfigBlock block, Map<String, ConfigField> index) {
		block.fields().forEach((field) -> index.put(field.path(), field));
		block.blocks().forEach((nested) -> collect(nested, index));
	}

	private record FieldSpec(String key, String goName, ValueKind kind, MergeRule rule, Exposure exposure,
			boolean nullWhenEmpty) {
	}

	/**
	 * Declares a block; paths are completed when the block is built into its parent.
	 */
	private static final class Builder {

		private final String key;

		private final String goName;

		private final List<FieldSpec> fields = new ArrayList<>();

		private final List<Builder> blocks = new ArrayList<>();

		private final List<String> ignored = new ArrayList<>();

		Builder(String key, String goName) {
			this.key = key;
			this.goName = goName;
		}

		Builder text(String key, String goName) {
			return add(key, goName, ValueKind.STRING, Exposure.SHOWN);
		}

		Builder duration(String key, String goName) {
			return add(key, goName, ValueKind.DURATION_TEXT, Exposure.SHOWN);
		}

		Builder integer(String key, String goName) {
			return add(key, goName, ValueKind.INT, Exposure.SHOWN);
		}

		Builder bool(String key, String goName) {
			return add(key, goName, ValueKind.BOOL, Exposure.SHOWN);
		}

		Builder optionalBool(String key, String goName) {
			return add(key, goName, ValueKind.OPTIONAL_BOOL, Exposure.SHOWN);
		}

		Builder map(String key, String goName) {
			return add(key, goName, ValueKind.STRING_MAP, Exposure.SHOWN);
		}

		Builder list(String key, String goName, boolean nullWhenEmpty) {
			this.fields.add(new FieldSpec(key, goName, ValueKind.STRING_LIST, MergeRule.APPEND, Exposure.SHOWN,
					nullWhenEmpty));
			return this;
		}

		Builder add(String key, String goName, ValueKind kind, Exposure exposure) {
			this.fields.add(new FieldSpec(key, goName, kind, kind.defaultMergeRule(), exposure, false));
			return this;
		}

		Builder add(String key, String goName, ValueKind kind, MergeRule rule) {
			this.fields.add(new FieldSpec(key, goName, kind, rule, Exposure.SHOWN, false));
			return this;
		}

		Builder block(Builder block) {
			this.blocks.add(block);
			return this;
		}

		Builder ignore(String key) {
			this.ignored.add(key);
			return this;
		}

		ConfigBlock build() {
			return build("");
		}

		private ConfigBlock build(String parentPath) {
			String path = parentPath.isEmpty() ? this.key : parentPath + "." + this.key;
			List<ConfigField> built = new ArrayList<>();
			for (FieldSpec spec : this.fields) {
				String fieldPath = path.isEmpty() ? spec.key() : path + "." + spec.key();
				built.add(new ConfigField(fieldPath, spec.goName(), spec.kind(), spec.rule(), spec.exposure(),
						spec.nullWhenEmpty()));
			}
			List<ConfigBlock> nested = this.blocks.stream().map((block) -> block.build(path)).toList();
			return new ConfigBlock(path, this.goName, built, nested, this.ignored);
		}

	}

}
