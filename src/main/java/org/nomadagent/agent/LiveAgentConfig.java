package org.nomadagent.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.nomadagent.config.AgentConfig;

/**
 * The agent's configuration as it is now. It starts as the configuration the agent was started
 * with, and a SIGHUP reload replaces it, as Nomad v0.5 replaces its in-memory configuration. Only
 * what Nomad re-applies on reload reads it: the log level, the HTTP response headers, the leave
 * flags, and the configuration {@code /v1/agent/self} shows. Everything else was bound once at
 * start ({@link org.nomadagent.config.AgentProperties} and friends) and keeps its values.
 */
public final class LiveAgentConfig {

	private final AtomicReference<AgentConfig> current;

	private final List<Consumer<AgentConfig>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates the holder.
	 * @param initial the configuration the agent started with
	 */
	public LiveAgentConfig(AgentConfig initial) {
		this.current = new AtomicReference<>(initial);
	}

	/**
	 * Returns the current configuration.
	 */
	public AgentConfig current() {
		return this.current.get();
	}

	/**
	 * Replaces the configuration and tells the listeners.
	 * @param config the new configuration
	 */
	public void replace(AgentConfig config) {
		this.current.set(config);
		this.listeners.forEach((listener) -> listener.accept(config));
	}

	/**
	 * Registers a listener called after each replacement.
	 * @param listener the listener
	 */
	public void onReplace(Consumer<AgentConfig> listener) {
		this.listeners.add(listener);
	}

}
