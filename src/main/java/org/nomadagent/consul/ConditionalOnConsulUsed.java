package org.nomadagent.consul;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the agent has something to do with Consul: it advertises its services
 * ({@code auto_advertise}), or it is a server that searches for peers
 * ({@code server_auto_join}), or a client that searches for servers ({@code client_auto_join}).
 * Otherwise the agent never contacts Consul; Nomad v0.5 polled it every five seconds all the same.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnConsulUsed.OnConsulUsedCondition.class)
@interface ConditionalOnConsulUsed {

	/**
	 * Any of the three uses.
	 */
	class OnConsulUsedCondition extends AnyNestedCondition {

		OnConsulUsedCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty(name = "nomad.consul.auto-advertise", matchIfMissing = true)
		static class Advertises {

		}

		@ConditionalOnBooleanProperty("nomad.server.enabled")
		@ConditionalOnBooleanProperty(name = "nomad.consul.server-auto-join", matchIfMissing = true)
		static class ServerAutoJoins {

		}

		@ConditionalOnBooleanProperty("nomad.client.enabled")
		@ConditionalOnBooleanProperty(name = "nomad.consul.client-auto-join", matchIfMissing = true)
		static class ClientAutoJoins {

		}

	}

}
