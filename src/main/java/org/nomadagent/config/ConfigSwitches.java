package org.nomadagent.config;

import org.springframework.core.env.PropertyResolver;

/**
 * Reads the agent's on/off settings ({@code nomad.server.enabled}, {@code nomad.consul.auto-advertise}
 * ...) from the Spring environment, for the bean registrars that add a component only when its
 * setting is on.
 *
 * <p>
 * The agent decides these things when its context starts, never when the application is built:
 * a {@code @ConditionalOnBooleanProperty} would be evaluated once by Spring AOT at build time, and
 * every agent started from that build would get the components of the build's configuration.
 * A {@link org.springframework.beans.factory.BeanRegistrar} runs at every start, with or without
 * the AOT-generated context.
 */
public final class ConfigSwitches {

	private ConfigSwitches() {
	}

	/**
	 * Whether a setting that is off unless set is on.
	 * @param environment the environment holding the agent configuration
	 * @param name the property name, such as {@code nomad.server.enabled}
	 * @return whether the property is {@code true}
	 */
	public static boolean isOn(PropertyResolver environment, String name) {
		return environment.getProperty(name, Boolean.class, false);
	}

	/**
	 * Whether a setting that is on unless set is on.
	 * @param environment the environment holding the agent configuration
	 * @param name the property name, such as {@code nomad.consul.auto-advertise}
	 * @return whether the property is missing or {@code true}
	 */
	public static boolean isOnUnlessOff(PropertyResolver environment, String name) {
		return environment.getProperty(name, Boolean.class, true);
	}

}
