package org.nomadagent.agent;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The graceful leave of the agent: readiness goes down at once, so that load balancers and
 * Kubernetes stop sending traffic, then every {@link AgentLeave} runs (Consul deregistration,
 * for example).
 */
public final class AgentLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AgentLifecycle.class);

	private final ApplicationEventPublisher events;

	private final Supplier<List<AgentLeave>> leaves;

	AgentLifecycle(ApplicationEventPublisher events, Supplier<List<AgentLeave>> leaves) {
		this.events = events;
		this.leaves = leaves;
	}

	/**
	 * Leaves gracefully.
	 */
	public void leave() {
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		logger.info("agent: requesting shutdown");
		for (AgentLeave leave : this.leaves.get()) {
			try {
				leave.leave();
			}
			catch (RuntimeException ex) {
				logger.warn("agent: leave step failed: {}", ex.getMessage());
				logger.debug("agent: leave step failed", ex);
			}
		}
	}

}
