package org.nomadagent.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.tls.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the checks of {@link AgentConfigValidator} ({@code readConfig}, reference §5.4) and
 * {@link AgentStartupChecks} (the checks Nomad makes while starting), through
 * {@link AgentConfigReader}. Name resolution is a fake that knows {@code known.example} only.
 */
class AgentConfigValidationTests {

	@TempDir
	Path dir;

	@Test
	void agentWithoutRoleIsRefused() throws IOException {
		assertThat(messages("")).containsExactly("Must specify either server, client or dev mode for the agent.");
	}

	@Test
	void serverWithoutDataDirIsRefused() throws IOException {
		assertThat(problems("server {\n  enabled = true\n}\n")).extracting(ConfigProblem::toString)
			.containsExactly("agent.hcl:2:13: Must specify data directory");
	}

	@Test
	void clientWithoutDataDirNeedsBothDirectories() throws IOException {
		assertThat(messages("client {\n  enabled = true\n  alloc_dir = \"/a\"\n}\n"))
			.containsExactly("Must specify both the state and alloc dir if data-dir is omitted.");
	}

	@Test
	void everyRelativeDirectoryIsReported() throws IOException {
		assertThat(messages("data_dir = \"rel\"\nclient {\n  enabled = true\n  alloc_dir = \"a\"\n  state_dir = \"s\"\n}\n"))
			.containsExactly("data-dir must be given as an absolute path: got rel",
					"alloc-dir must be given as an absolute path: got a",
					"state-dir must be given as an absolute path: got s");
	}

	@Test
	void bootstrapExpectWithoutServerIsRefusedAndOneWarns() throws IOException {
		assertThat(messages("data_dir = \"/d\"\nclient { enabled = true }\nserver { bootstrap_expect = 2 }\n"))
			.containsExactly("Bootstrap requires server mode to be enabled");
		AgentConfigReader.Outcome outcome = read(SERVER, "server { bootstrap_expect = 1 }\n");
		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.warnings()).containsExactly("WARNING: Bootstrap mode enabled! Potentially unsafe operation.");
	}

	@Test
	void invalidRetryIntervalAndEncryptKeyAreRefused() throws IOException {
		assertThat(messages(SERVER, "server {\n  retry_interval = \"abc\"\n  encrypt = \"!!\"\n}\n"))
			.containsExactly("Invalid encryption key: illegal base64 data at input byte 0",
					"Error parsing retry interval: time: invalid duration \"abc\"");
	}

	@Test
	void encryptKeyOfTheWrongLengthFailsAtStart() throws IOException {
		assertThat(messages(SERVER, "server { encrypt = \"YWJj\" }\n")).containsExactly(
				"Error starting agent: failed to configure keyring: Invalid key: key size must be 16, 24 or 32 bytes");
	}

	@Test
	void logLevelAndSyslogFacilityAreChecked() throws IOException {
		assertThat(messages(SERVER, "log_level = \"error\"\nenable_syslog = true\nsyslog_facility = \"LOCAL9\"\n"))
			.containsExactly("Invalid log level: ERROR. Valid log levels are: [TRACE DEBUG INFO WARN ERR]",
					"Syslog setup failed: invalid syslog facility: LOCAL9");
	}

	@Test
	void addressesThatDoNotResolveFailAsNomadsDo() throws IOException {
		assertThat(messages(SERVER, "advertise {\n  rpc = \"__IP_ADDRESS__\"\n  serf = \"known.example:7000\"\n}\n"))
			.containsExactly("Error starting agent: server config setup failed: Failed to parse RPC \"__IP_ADDRESS__\" as IP"
					+ " and failed to resolve address: lookup __IP_ADDRESS__: no such host");
	}

	@Test
	void clientAdvertiseAddressMustResolve() throws IOException {
		assertThat(messages(CLIENT, "advertise { http = \"${private_ip}\" }\n"))
			.containsExactly("Error starting agent: client setup failed: Failed to parse HTTP \"${private_ip}\" as IP"
					+ " and failed to resolve address: lookup ${private_ip}: no such host");
	}

	@Test
	void rpcAdvertisedAsWildcardIsRefused() throws IOException {
		assertThat(messages(SERVER, "advertise { rpc = \"0.0.0.0\" }\n"))
			.containsExactly("Error starting agent: server setup failed: Failed to start RPC layer: RPC advertise address"
					+ " is not advertisable: 0.0.0.0:4647");
	}

	@Test
	void durationsParsedAtStartAreChecked() throws IOException {
		assertThat(messages(SERVER, "server {\n  node_gc_threshold = \"42g\"\n}\n")).isNotEmpty();
		assertThat(messages(SERVER, "server {\n  node_gc_threshold = \"42g\"\n  heartbeat_grace = \"x\"\n}\n"))
			.containsExactly("Error starting agent: server config setup failed: time: unknown unit \"g\" in duration \"42g\"",
					"Error starting agent: server config setup failed: time: invalid duration \"x\"");
		assertThat(messages(CLIENT, "client { max_kill_timeout = \"abc\" }\n")).containsExactly(
				"Error starting agent: client setup failed: Error parsing retry interval: time: invalid duration \"abc\"");
	}

	@Test
	void protocolVersionOtherThanOneFailsAtStart() throws IOException {
		assertThat(messages(SERVER, "server { protocol_version = 3 }\n"))
			.containsExactly("Error starting agent: server setup failed: Protocol version '3' too high. Must be in range: [1, 1]");
	}

	@Test
	void vaultOnAServerNeedsATokenAndAValidTtl() throws IOException {
		assertThat(messages(SERVER, "vault {\n  enabled = true\n  task_token_ttl = \"1m\"\n  tls_cert_file = \"c.pem\"\n}\n"))
			.containsExactly("Error starting agent: server setup failed: Failed to setup Vault client: Vault token must be set",
					"Error starting agent: server setup failed: Failed to setup Vault client: ChildTokenTTL is less than minimum allowed of 5m0s",
					"Error starting agent: server setup failed: Failed to setup Vault client: Failed to create Vault API config: Both client cert and client key must be provided");
	}

	@Test
	void vaultOnAClientNeedsNoToken() throws IOException {
		assertThat(messages(CLIENT, "vault { enabled = true }\n")).isEmpty();
	}

	@Test
	void consulTlsFilesMustBeReadableWhenSslIsOn() throws IOException {
		assertThat(messages(SERVER, "consul {\n  ssl = true\n  ca_file = \"ca.pem\"\n}\n")).containsExactly(
				"Error starting agent: Failed to initialize Consul syncer task: error creating tls client config for consul: open ca.pem: no such file or directory");
	}

	@Test
	void httpTlsNeedsACertificateAndKey() throws IOException {
		assertThat(messages(SERVER, "tls { http = true }\n")).containsExactly(
				"Error starting http server: tls.http is enabled, so tls.cert_file and tls.key_file must both be set");
		assertThat(messages(SERVER, "tls {\n  http = true\n  cert_file = \"c.pem\"\n  key_file = \"k.pem\"\n}\n"))
			.containsExactly("Error starting http server: Failed to load cert/key pair: open c.pem: no such file or directory");
		Files.writeString(this.dir.resolve("k.pem"), "no key here\n");
		TestCertificates.authority("ca").issue("x").writeCertificate(this.dir.resolve("c.pem"));
		assertThat(messages(SERVER, "tls {\n  http = true\n  cert_file = \"c.pem\"\n  key_file = \"k.pem\"\n}\n"))
			.containsExactly("Error starting http server: Failed to load cert/key pair: no PEM private key found in k.pem");
	}

	@Test
	void rpcTlsNeedsACaAndAKeyPair() throws IOException {
		assertThat(messages(SERVER, "tls { rpc = true }\n")).containsExactly(
				"Error starting agent: server setup failed: VerifyOutgoing set, and no CA certificate provided!",
				"Error starting agent: server setup failed: VerifyIncoming set, and no Cert/Key pair provided!");
	}

	@Test
	void httpPortOutOfRangeFailsAtStart() throws IOException {
		assertThat(messages(SERVER, "ports { http = 70000 }\n")).containsExactly(
				"Error starting http server: failed to start HTTP listener: listen tcp: address 70000: invalid port");
	}

	@Test
	void telemetryAddressesNeedAPort() throws IOException {
		assertThat(messages(SERVER, "telemetry { statsd_address = \"localhost\" }\n")).containsExactly(
				"Error initializing telemetry: statsd_address \"localhost\": address localhost: missing port in address");
	}

	@Test
	void devModeSkipsReadConfigChecksButNotTheStartupOnes() throws IOException {
		Files.writeString(this.dir.resolve("agent.hcl"), "server { retry_interval = \"abc\" }\nlog_level = \"LOUD\"\n");
		AgentConfigReader.Outcome outcome = reader().read(true, List.of("agent.hcl"), ConfigLayer.EMPTY, this::addresses);
		assertThat(outcome.problems()).extracting(ConfigProblem::message)
			.containsExactly("Invalid log level: LOUD. Valid log levels are: [TRACE DEBUG INFO WARN ERR]");
	}

	private static final String SERVER = "data_dir = \"/var/lib/nomad\"\nserver { enabled = true }\n";

	private static final String CLIENT = "data_dir = \"/var/lib/nomad\"\nclient { enabled = true }\n";

	private List<String> messages(String... files) throws IOException {
		return problems(files).stream().map(ConfigProblem::message).toList();
	}

	private List<ConfigProblem> problems(String... files) throws IOException {
		AgentConfigReader.Outcome outcome = read(files);
		assertThat(outcome.loadFailures()).isEmpty();
		return outcome.problems();
	}

	/**
	 * Reads the files given as {@code agent.hcl}, {@code agent-1.hcl}, ... in that order.
	 */
	private AgentConfigReader.Outcome read(String... files) throws IOException {
		List<String> paths = new java.util.ArrayList<>();
		for (int i = 0; i < files.length; i++) {
			String name = (i == 0) ? "agent.hcl" : "agent-" + i + ".hcl";
			Files.writeString(this.dir.resolve(name), files[i]);
			paths.add(name);
		}
		return reader().read(false, paths, ConfigLayer.EMPTY, this::addresses);
	}

	private AgentConfigReader reader() {
		return new AgentConfigReader(this.dir, Map.of(), "Linux");
	}

	private AgentAddresses addresses(ConfigLayer layer) {
		return new AgentAddresses(layer, (host) -> {
			if (host.equals("known.example")) {
				return InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 9 });
			}
			throw new UnknownHostException(host);
		}, () -> Optional.empty());
	}

}
