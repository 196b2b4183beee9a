package org.nomadagent.config;

import java.nio.file.Path;
import java.util.Base64;

import org.nomadagent.config.AgentAddresses.AddressException;
import org.nomadagent.config.AgentAddresses.Service;
import org.nomadagent.config.GoDuration.InvalidDurationException;
import org.nomadagent.tls.TlsClientOptions;
import org.nomadagent.tls.TlsContexts;
import org.nomadagent.tls.TlsSetupException;

/**
 * The checks Nomad v0.5 makes while it starts the agent, after {@code readConfig} accepted the
 * configuration: addresses that must resolve, durations parsed only then, the server protocol
 * version, the gossip key's length, Vault's token and token TTL, and the TLS files Consul, Vault
 * and the HTTP API need. Running them in {@code config validate} lets a user learn of every
 * mistake without starting the agent. Messages keep Nomad's wording, prefix included
 * ({@code Error starting agent: server config setup failed: ...}).
 */
public final class AgentStartupChecks {

	private static final String AGENT = "Error starting agent: ";

	private static final String SERVER_CONFIG = AGENT + "server config setup failed: ";

	private static final String SERVER = AGENT + "server setup failed: ";

	private static final String CLIENT = AGENT + "client setup failed: ";

	private static final String HTTP = "Error starting http server: ";

	private final AgentConfig config;

	private final ConfigLayer layer;

	private final AgentAddresses addresses;

	private final Path workingDirectory;

	private final Validation validation;

	private AgentStartupChecks(AgentConfig config, AgentAddresses addresses, Path workingDirectory,
			Validation validation) {
		this.config = config;
		this.layer = config.layer();
		this.addresses = addresses;
		this.workingDirectory = workingDirectory;
		this.validation = validation;
	}

	/**
	 * Runs every start-up check.
	 * @param config the effective configuration
	 * @param addresses the address logic (so that tests can control name resolution)
	 * @param workingDirectory the directory relative file names are resolved against
	 * @param validation where problems go
	 */
	static void check(AgentConfig config, AgentAddresses addresses, Path workingDirectory, Validation validation) {
		AgentStartupChecks checks = new AgentStartupChecks(config, addresses, workingDirectory, validation);
		checks.telemetry();
		checks.consul();
		if (config.serverEnabled()) {
			checks.server();
		}
		if (config.clientEnabled()) {
			checks.client();
		}
		checks.http();
	}

	private void telemetry() {
		for (String key : new String[] { "statsite_address", "statsd_address", "datadog_address" }) {
			String address = this.layer.text("telemetry." + key);
			if (!address.isEmpty()) {
				String error = hostPortError(address);
				if (error != null) {
					this.validation.reject("telemetry." + key,
							"Error initializing telemetry: " + key + " " + quote(address) + ": " + error);
				}
			}
		}
	}

	private void consul() {
		if (!this.layer.optionalBool("consul.ssl").orElse(false)) {
			return;
		}
		String prefix = AGENT + "Failed to initialize Consul syncer task: error creating tls client config for consul: ";
		boolean pair = !this.layer.text("consul.cert_file").isEmpty() && !this.layer.text("consul.key_file").isEmpty();
		// Nomad's Consul client uses the certificate only when both files are given.
		requireTls("consul.ca_file", new TlsClientOptions(this.layer.text("consul.ca_file"), "",
				pair ? this.layer.text("consul.cert_file") : "", pair ? this.layer.text("consul.key_file") : "", "",
				false), prefix);
	}

	private void server() {
		for (Service service : new Service[] { Service.RPC, Service.SERF }) {
			try {
				this.addresses.bind(service);
			}
			catch (AddressException ex) {
				this.validation.reject(bindKey(service), SERVER_CONFIG + ex.getMessage());
			}
		}
		for (Service service : new Service[] { Service.HTTP, Service.RPC, Service.SERF }) {
			try {
				ServiceAddress advertised = this.addresses.advertise(service);
				if (service == Service.RPC && advertised.address().isAnyLocalAddress()) {
					this.validation.reject("advertise.rpc", SERVER
							+ "Failed to start RPC layer: RPC advertise address is not advertisable: " + advertised);
				}
			}
			catch (AddressException ex) {
				this.validation.reject(advertiseKey(service), SERVER_CONFIG + ex.getMessage());
			}
		}
		requireDuration("server.node_gc_threshold", SERVER_CONFIG);
		requireDuration("server.heartbeat_grace", SERVER_CONFIG);
		long protocol = this.layer.integer("server.protocol_version");
		if (protocol != 0 && protocol != 1) {
			this.validation.reject("server.protocol_version", SERVER + "Protocol version '" + protocol + "' too "
					+ ((protocol > 1) ? "high" : "low") + ". Must be in range: [1, 1]");
		}
		String encrypt = this.layer.text("server.encrypt");
		if (!encrypt.isEmpty() && AgentConfigValidator.base64Error(encrypt) == null) {
			int size = Base64.getMimeDecoder().decode(encrypt).length;
			if (size != 16 && size != 24 && size != 32) {
				this.validation.reject("server.encrypt",
						AGENT + "failed to configure keyring: Invalid key: key size must be 16, 24 or 32 bytes");
			}
		}
		if (this.layer.bool("tls.rpc")) {
			if (this.layer.text("tls.ca_file").isEmpty()) {
				this.validation.reject("tls.rpc", SERVER + "VerifyOutgoing set, and no CA certificate provided!");
			}
			if (this.layer.text("tls.cert_file").isEmpty() || this.layer.text("tls.key_file").isEmpty()) {
				this.validation.reject("tls.rpc", SERVER + "VerifyIncoming set, and no Cert/Key pair provided!");
			}
		}
		if (this.config.vaultEnabled()) {
			vault();
		}
	}

	private void vault() {
		String prefix = SERVER + "Failed to setup Vault client: ";
		if (this.layer.text("vault.token").isEmpty()) {
			this.validation.reject("vault.enabled", prefix + "Vault token must be set");
		}
		String ttl = this.layer.text("vault.task_token_ttl");
		if (!ttl.isEmpty()) {
			try {
				if (GoDuration.parseNanos(ttl) < 300_000_000_000L) {
					this.validation.reject("vault.task_token_ttl",
							prefix + "ChildTokenTTL is less than minimum allowed of 5m0s");
				}
			}
			catch (InvalidDurationException ex) {
				this.validation.reject("vault.task_token_ttl",
						prefix + "failed to parse TaskTokenTTL " + quote(ttl) + ": " + ex.getMessage());
			}
		}
		String tlsPrefix = prefix + "Failed to create Vault API config: ";
		boolean cert = !this.layer.text("vault.tls_cert_file").isEmpty();
		boolean key = !this.layer.text("vault.tls_key_file").isEmpty();
		if (cert != key) {
			this.validation.reject(cert ? "vault.tls_cert_file" : "vault.tls_key_file",
					tlsPrefix + "Both client cert and client key must be provided");
		}
		if (cert == key) {
			requireTls("vault.tls_ca_file", new TlsClientOptions(this.layer.text("vault.tls_ca_file"),
					this.layer.text("vault.tls_ca_path"), this.layer.text("vault.tls_cert_file"),
					this.layer.text("vault.tls_key_file"), "", false), tlsPrefix);
		}
	}

	private void client() {
		try {
			this.addresses.advertise(Service.HTTP);
		}
		catch (AddressException ex) {
			this.validation.reject(advertiseKey(Service.HTTP), CLIENT + ex.getMessage());
		}
		// Nomad's wording: the message was copied from the retry-interval check.
		requireDuration("client.max_kill_timeout", CLIENT + "Error parsing retry interval: ");
	}

	private void http() {
		long port = this.layer.integer("ports.http");
		if (port < 0 || port > 65535) {
			this.validation.reject("ports.http",
					HTTP + "failed to start HTTP listener: listen tcp: address " + port + ": invalid port");
		}
		try {
			this.addresses.bind(Service.HTTP);
		}
		catch (AddressException ex) {
			this.validation.reject(bindKey(Service.HTTP), HTTP + "failed to start HTTP listener: " + ex.getMessage());
		}
		if (!this.layer.bool("tls.http")) {
			return;
		}
		if (this.layer.text("tls.cert_file").isEmpty() || this.layer.text("tls.key_file").isEmpty()) {
			// Nomad v0.5 started without a certificate and failed every handshake; the docs say
			// the files are required (docs/compatibility.md).
			this.validation.reject("tls.http",
					HTTP + "tls.http is enabled, so tls.cert_file and tls.key_file must both be set");
			return;
		}
		requireTls("tls.cert_file", new TlsClientOptions("", "", this.layer.text("tls.cert_file"),
				this.layer.text("tls.key_file"), "", false), HTTP + "Failed to load cert/key pair: ");
		requireTls("tls.ca_file", new TlsClientOptions(this.layer.text("tls.ca_file"), "", "", "", "", false),
				HTTP + "Failed to read CA file: ");
	}

	private void requireDuration(String path, String prefix) {
		String text = this.layer.text(path);
		if (!text.isEmpty()) {
			try {
				GoDuration.parse(text);
			}
			catch (InvalidDurationException ex) {
				this.validation.reject(path, prefix + ex.getMessage());
			}
		}
	}

	/**
	 * Loads TLS files as the agent will when it starts (readable, holding PEM certificates and
	 * keys), and reports the first problem at the value of {@code path}.
	 */
	private void requireTls(String path, TlsClientOptions options, String prefix) {
		try {
			TlsContexts.clientContext(options, this.workingDirectory);
		}
		catch (TlsSetupException ex) {
			this.validation.reject(path, prefix + ex.getMessage());
		}
	}

	private String bindKey(Service service) {
		String address = "addresses." + service.key();
		return this.layer.text(address).isEmpty() ? "bind_addr" : address;
	}

	private String advertiseKey(Service service) {
		String advertise = "advertise." + service.key();
		return this.layer.text(advertise).isEmpty() ? bindKey(service) : advertise;
	}

	private static String hostPortError(String address) {
		HostPort hostPort = HostPort.split(address);
		if (hostPort == null) {
			return "address " + address + ": missing port in address";
		}
		if (!hostPort.port().matches("[0-9]{1,5}") || Integer.parseInt(hostPort.port()) > 65535) {
			return "address " + address + ": invalid port";
		}
		return null;
	}

	private static String quote(String text) {
		return org.nomadagent.config.hcl.GoStrconv.quote(text);
	}

}
