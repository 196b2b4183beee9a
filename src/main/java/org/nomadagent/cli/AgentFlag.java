package org.nomadagent.cli;

import java.util.List;

/**
 * One flag of {@code nomad agent} v0.5 (reference §5.2): its name, what it holds, the
 * configuration key it sets, the help group it is listed in, and its help text.
 *
 * @param name the name without dashes ({@code bootstrap-expect})
 * @param kind what the flag holds
 * @param path the configuration key it sets, or {@code null} for {@code -dev} and {@code -config}
 * @param group the help section it is listed in
 * @param placeholder the value placeholder shown in help ({@code <addr>}), or {@code ""}
 * @param help the help text
 */
record AgentFlag(String name, Kind kind, String path, Group group, String placeholder, String help) {

	/** Every flag, in help order. */
	static final List<AgentFlag> ALL = List.of(
			flag("bind", Kind.STRING, "bind_addr", Group.GENERAL, "<addr>",
					"The address the agent binds its network services to. Defaults to the loopback 127.0.0.1."),
			flag("config", Kind.REPEATED, null, Group.GENERAL, "<path>",
					"A configuration file or directory to load. May be given several times; later paths "
							+ "merge over earlier ones. In a directory only the *.hcl and *.json files are read, "
							+ "in name order."),
			flag("data-dir", Kind.STRING, "data_dir", Group.GENERAL, "<path>",
					"The absolute path of the directory holding the agent's state. Required by servers, and "
							+ "by clients unless -state-dir and -alloc-dir are both given."),
			flag("dc", Kind.STRING, "datacenter", Group.GENERAL, "<datacenter>",
					"The datacenter of the agent. Defaults to \"dc1\"."),
			flag("log-level", Kind.STRING, "log_level", Group.GENERAL, "<level>",
					"The logging level: TRACE, DEBUG, INFO, WARN or ERR. Defaults to INFO."),
			flag("node", Kind.STRING, "name", Group.GENERAL, "<name>",
					"The name of the local agent; unique within a region. Defaults to the host name."),
			flag("region", Kind.STRING, "region", Group.GENERAL, "<region>",
					"The region of the agent. Defaults to \"global\"."),
			flag("dev", Kind.BOOL, null, Group.ROLE, "",
					"Start the agent in development mode: a server and a client in one process, with no "
							+ "other configuration needed. Nothing is persisted; never use it in production."),
			flag("server", Kind.BOOL, "server.enabled", Group.ROLE, "", "Run the agent as a server."),
			flag("client", Kind.BOOL, "client.enabled", Group.ROLE, "", "Run the agent as a client."),
			flag("bootstrap-expect", Kind.INT, "server.bootstrap_expect", Group.SERVER, "<num>",
					"The number of servers to wait for before bootstrapping the cluster. 1 lets a single "
							+ "server elect itself (unsafe outside tests)."),
			flag("encrypt", Kind.STRING, "server.encrypt", Group.SERVER, "<key>",
					"The base64 gossip encryption key; see `nomad-agent keygen`."),
			flag("join", Kind.REPEATED, "server.start_join", Group.SERVER, "<address>",
					"The address of a server to join at start. May be given several times."),
			flag("retry-join", Kind.REPEATED, "server.retry_join", Group.SERVER, "<address>",
					"The address of a server to join, retrying until it succeeds. May be given several times."),
			flag("retry-interval", Kind.STRING, "server.retry_interval", Group.SERVER, "<duration>",
					"The time to wait between join attempts. Defaults to 30s."),
			flag("retry-max", Kind.INT, "server.retry_max", Group.SERVER, "<num>",
					"The number of join attempts before giving up. Defaults to 0, retrying forever."),
			flag("rejoin", Kind.BOOL, "server.rejoin_after_leave", Group.SERVER, "",
					"Rejoin the cluster after a previous leave (accepted, as in Nomad v0.5, which always "
							+ "rejoined)."),
			flag("alloc-dir", Kind.STRING, "client.alloc_dir", Group.CLIENT, "<path>",
					"The absolute path of the directory holding allocation data. Defaults to "
							+ "<data-dir>/alloc."),
			flag("state-dir", Kind.STRING, "client.state_dir", Group.CLIENT, "<path>",
					"The absolute path of the directory holding the client's state. Defaults to "
							+ "<data-dir>/client."),
			flag("meta", Kind.REPEATED, "client.meta", Group.CLIENT, "<key=value>",
					"User metadata of the client node, as key=value. May be given several times."),
			flag("network-interface", Kind.STRING, "client.network_interface", Group.CLIENT, "<interface>",
					"The network interface the client advertises and fingerprints."),
			flag("network-speed", Kind.INT, "client.network_speed", Group.CLIENT, "<mbits>",
					"The link speed in Mbit/s to assume when it cannot be read. Defaults to 100."),
			flag("node-class", Kind.STRING, "client.node_class", Group.CLIENT, "<class>",
					"The class of the client node, used by job constraints."),
			flag("servers", Kind.STRING, "client.servers", Group.CLIENT, "<host:port,...>",
					"A comma-separated list of servers the client talks to; the port defaults to 4647."),
			flag("atlas", Kind.STRING, "atlas.infrastructure", Group.ATLAS, "<infrastructure>",
					"The Atlas infrastructure name (accepted and validated; Atlas is not contacted)."),
			flag("atlas-join", Kind.BOOL, "atlas.join", Group.ATLAS, "",
					"Join the cluster through Atlas (accepted; Atlas is not contacted)."),
			flag("atlas-token", Kind.STRING, "atlas.token", Group.ATLAS, "<token>", "The Atlas API token."),
			flag("vault-enabled", Kind.OPTIONAL_BOOL, "vault.enabled", Group.VAULT, "",
					"Enable the Vault integration."),
			flag("vault-address", Kind.STRING, "vault.address", Group.VAULT, "<addr>",
					"The address of Vault. Defaults to https://vault.service.consul:8200."),
			flag("vault-token", Kind.STRING, "vault.token", Group.VAULT, "<token>",
					"The Vault token servers use to derive task tokens; VAULT_TOKEN is read when it is not "
							+ "set. Prefer VAULT_TOKEN: a flag is visible to every user of the host."),
			flag("vault-allow-unauthenticated", Kind.OPTIONAL_BOOL, "vault.allow_unauthenticated", Group.VAULT,
					"", "Allow jobs to request Vault policies without presenting a Vault token."),
			flag("vault-ca-file", Kind.STRING, "vault.tls_ca_file", Group.VAULT, "<path>",
					"A PEM file of CA certificates that sign Vault's certificate."),
			flag("vault-ca-path", Kind.STRING, "vault.tls_ca_path", Group.VAULT, "<path>",
					"A directory of PEM CA certificates that sign Vault's certificate."),
			flag("vault-cert-file", Kind.STRING, "vault.tls_cert_file", Group.VAULT, "<path>",
					"The PEM client certificate presented to Vault."),
			flag("vault-key-file", Kind.STRING, "vault.tls_key_file", Group.VAULT, "<path>",
					"The PEM private key of the client certificate."),
			flag("vault-tls-skip-verify", Kind.OPTIONAL_BOOL, "vault.tls_skip_verify", Group.VAULT, "",
					"Do not verify Vault's certificate (unsafe)."),
			flag("vault-tls-server-name", Kind.STRING, "vault.tls_server_name", Group.VAULT, "<name>",
					"The server name (SNI) used when connecting to Vault."));

	private static AgentFlag flag(String name, Kind kind, String path, Group group, String placeholder, String help) {
		return new AgentFlag(name, kind, path, group, placeholder, help);
	}

	/**
	 * Returns the flag of the given name, if there is one.
	 * @param name the name without dashes
	 * @return the flag, or {@code null}
	 */
	static AgentFlag named(String name) {
		return ALL.stream().filter((flag) -> flag.name.equals(name)).findFirst().orElse(null);
	}

	/**
	 * Returns whether the flag takes no value unless one is attached with {@code =}.
	 */
	boolean isBoolean() {
		return this.kind == Kind.BOOL || this.kind == Kind.OPTIONAL_BOOL;
	}

	/**
	 * What a flag holds, with Go's {@code flag} package parsing rules.
	 */
	enum Kind {

		/** A boolean: {@code -x} or {@code -x=false}. */
		BOOL,

		/** A boolean that is only set when given, so {@code -x=false} really sets false. */
		OPTIONAL_BOOL,

		/** An integer, read with Go's base detection. */
		INT,

		/** Text; the last occurrence wins. */
		STRING,

		/** Text that may be given several times; every occurrence is kept. */
		REPEATED

	}

	/**
	 * The sections of the help text.
	 */
	enum Group {

		/** Options of every agent. */
		GENERAL("General Options (clients and servers)"),

		/** The agent's role. */
		ROLE("Role-Specific Options"),

		/** Server options. */
		SERVER("Server Options"),

		/** Client options. */
		CLIENT("Client Options"),

		/** Atlas options. */
		ATLAS("Atlas Options"),

		/** Vault options. */
		VAULT("Vault Options");

		private final String title;

		Group(String title) {
			this.title = title;
		}

		String title() {
			return this.title;
		}

	}

}
