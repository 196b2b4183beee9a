package org.nomadagent.agent;

/**
 * A part of the agent that has something to do when the agent leaves gracefully (on SIGINT with
 * {@code leave_on_interrupt}, or SIGTERM with {@code leave_on_terminate}), before it shuts down:
 * deregistering from Consul, for example.
 */
@FunctionalInterface
public interface AgentLeave {

	/**
	 * Leaves. Runs on the leave thread; the agent gives up waiting after five seconds.
	 */
	void leave();

}
