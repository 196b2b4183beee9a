package org.nomadagent.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nomadagent.config.AgentAddresses;
import org.nomadagent.config.AgentConfigReader;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.nomadagent.config.ConfigLayer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a real agent in the test's JVM, the counterpart of Nomad's {@code makeAgent(t, cb)}: an
 * HCL configuration (written to a file and loaded with {@code -config}), agent flags, and free
 * ports for HTTP, RPC and Serf unless the configuration sets them. Close it to stop the agent.
 */
public final class TestAgent implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final AgentIdentity identity;

	private final LiveAgentConfig live;

	private TestAgent(ConfigurableApplicationContext context, AgentIdentity identity, LiveAgentConfig live) {
		this.context = context;
		this.identity = identity;
		this.live = live;
	}

	/**
	 * Starts an agent.
	 * @param directory a directory for the configuration files (a {@code @TempDir})
	 * @param hcl the agent configuration, in HCL
	 * @param flags agent flags, such as {@code -dev}
	 * @return the running agent
	 */
	public static TestAgent start(Path directory, String hcl, String... flags) {
		return start(directory, hcl, Map.of(), flags);
	}

	/**
	 * Starts an agent with the given environment variables (such as {@code VAULT_TOKEN}).
	 * @param directory a directory for the configuration files (a {@code @TempDir})
	 * @param hcl the agent configuration, in HCL
	 * @param environment the environment the configuration is read with
	 * @param flags agent flags, such as {@code -dev}
	 * @return the running agent
	 */
	public static TestAgent start(Path directory, String hcl, Map<String, String> environment, String... flags) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("00-ports.hcl"), "ports {\n  http = " + freePort() + "\n  rpc = "
					+ freePort() + "\n  serf = " + freePort() + "\n}\n");
			Files.writeString(directory.resolve("10-agent.hcl"), hcl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean dev = false;
		List<String> rest = new ArrayList<>();
		for (String flag : flags) {
			if (flag.equals("-dev")) {
				dev = true;
			}
			else {
				rest.add(flag);
			}
		}
		if (!rest.isEmpty()) {
			throw new IllegalArgumentException("Only -dev is supported as a flag; write the rest in HCL: " + rest);
		}
		Outcome outcome = new AgentConfigReader(directory, environment, System.getProperty("os.name"))
			.read(dev, List.of(directory.toString()), ConfigLayer.EMPTY);
		if (!outcome.succeeded()) {
			throw new IllegalStateException("Invalid test agent configuration: " + outcome.loadFailures() + " "
					+ outcome.problems());
		}
		try {
			AgentIdentity identity = AgentIdentity.of(outcome.config(), new AgentAddresses(outcome.config().layer()));
			LiveAgentConfig live = new LiveAgentConfig(outcome.config());
			return new TestAgent(AgentContextFactory.start(live, identity), identity, live);
		}
		catch (AgentAddresses.AddressException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the base URL of the agent's HTTP API, such as {@code http://127.0.0.1:31337}.
	 */
	public String url() {
		String scheme = this.live.current().layer().bool("tls.http") ? "https" : "http";
		return scheme + "://" + this.identity.httpBind() + "";
	}

	/**
	 * Returns the HTTP port.
	 */
	public int httpPort() {
		return (int) this.identity.httpBind().port();
	}

	/**
	 * Returns the agent's identity (node name, addresses).
	 */
	public AgentIdentity identity() {
		return this.identity;
	}

	/**
	 * Returns the agent's live configuration (to simulate a SIGHUP reload with
	 * {@link LiveAgentConfig#replace}).
	 */
	public LiveAgentConfig liveConfig() {
		return this.live;
	}

	/**
	 * Returns the agent's application context.
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Returns a bean of the running agent.
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Leaves gracefully, as on SIGINT with {@code leave_on_interrupt}.
	 */
	public void leave() {
		this.context.getBean(AgentLifecycle.class).leave();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Returns a TCP port that is free now.
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
