package org.nomadagent.agent;

import java.util.List;

import org.nomadagent.config.AgentAddresses;
import org.nomadagent.config.AgentAddresses.AddressException;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentConfigReader;
import org.nomadagent.config.ConfigLayer;

/**
 * The build's entry point for Spring AOT ({@code spring-boot:process-aot}, bound to the
 * {@code prepare-package} phase): prepares the agent's application context as a start does, so
 * that the processor can write its bean definitions out as code. The processor stops the
 * application before the context is refreshed; nothing is started.
 *
 * <p>
 * The configuration used is {@code -dev}'s, but it decides nothing in the generated code: the
 * components that depend on the agent configuration are added by bean registrars, which run at
 * every start (see {@link org.nomadagent.config.ConfigSwitches}). An agent started with
 * {@code -Dspring.aot.enabled=true} uses the generated context ({@link AgentContextFactory}).
 */
public final class AgentAotProcessing {

	/** The class Spring AOT generates for this entry point, which applies the generated context. */
	static final String GENERATED_INITIALIZER = AgentAotProcessing.class.getName() + "__ApplicationContextInitializer";

	private AgentAotProcessing() {
	}

	/**
	 * Prepares the agent's application context for the AOT processor.
	 * @param args ignored
	 * @throws AddressException never, for the {@code -dev} addresses
	 */
	public static void main(String[] args) throws AddressException {
		AgentConfig config = new AgentConfigReader().read(true, List.of(), ConfigLayer.EMPTY).config();
		AgentIdentity identity = AgentIdentity.of(config, new AgentAddresses(config.layer()));
		AgentContextFactory.start(new LiveAgentConfig(config), identity);
	}

}
