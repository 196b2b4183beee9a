package org.nomadagent.consul;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.nomadagent.agent.AgentLeave;
import org.nomadagent.agent.BackgroundThread;
import org.springframework.context.SmartLifecycle;

/**
 * The agent's background exchange with Consul, as Nomad v0.5's syncer runs it (reference §8.1):
 * once at start, then about every five seconds, it syncs the advertised services and checks and
 * runs a server's search for peers. While Consul fails the agent keeps serving and retries with
 * back-off, and the {@link ConsulAvailability} logs each change of state once. On a graceful leave,
 * and when the agent shuts down, the loop stops and the agent's services are deregistered. It
 * starts after the HTTP server (its check can pass at once) and stops before it.
 */
public final class ConsulSyncLoop implements SmartLifecycle, AgentLeave {

	private static final Duration STOP_WAIT = Duration.ofSeconds(2);

	private final ConsulServiceRegistrar registrar;

	private final ConsulPeerDiscovery peers;

	private final ConsulAvailability availability;

	private final ConsulSchedule schedule;

	private final Random random;

	private final BackgroundThread thread = new BackgroundThread("consul-sync");

	private int failures;

	/**
	 * Creates the loop.
	 * @param registrar the registrar, or {@code null} when the agent does not advertise
	 * @param peers the server's search for peers, or {@code null}
	 * @param availability where the outcome of each cycle goes
	 * @param schedule the timing
	 * @param random the source of jitter
	 */
	public ConsulSyncLoop(ConsulServiceRegistrar registrar, ConsulPeerDiscovery peers, ConsulAvailability availability,
			ConsulSchedule schedule, Random random) {
		this.registrar = registrar;
		this.peers = peers;
		this.availability = availability;
		this.schedule = schedule;
		this.random = random;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = this.thread.start();
		if (this.registrar != null || this.peers != null) {
			executor.execute(this::cycle);
		}
	}

	/**
	 * Stops the loop and deregisters the agent's services (shutdown).
	 */
	@Override
	public void stop() {
		halt();
	}

	/**
	 * Stops the loop and deregisters the agent's services (graceful leave), so that the loop
	 * cannot register them again before the agent shuts down.
	 */
	@Override
	public void leave() {
		halt();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	/**
	 * Runs one cycle, then schedules the next.
	 */
	private void cycle() {
		Duration next;
		try {
			RuntimeException failure = null;
			if (this.registrar != null) {
				failure = attempt(this.registrar::sync, failure);
			}
			if (this.peers != null) {
				failure = attempt(this.peers::run, failure);
			}
			if (!this.thread.isRunning()) {
				// Stopped meanwhile: what this last cycle met says nothing about Consul.
				return;
			}
			if (failure != null) {
				throw failure;
			}
			this.availability.succeeded();
			this.failures = 0;
			next = this.schedule.nextSync(this.random);
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			this.failures++;
			next = this.schedule.retry(this.failures, this.schedule.syncInterval());
		}
		this.thread.schedule(this::cycle, next);
	}

	/**
	 * Runs one step of a cycle; as in Nomad, a failing step does not keep the next from running.
	 */
	private static RuntimeException attempt(Runnable step, RuntimeException earlier) {
		try {
			step.run();
			return earlier;
		}
		catch (RuntimeException ex) {
			return (earlier != null) ? earlier : ex;
		}
	}

	/**
	 * Waits a little for a cycle in progress to end, so that it neither logs after the agent
	 * stopped nor overlaps the deregistration; a request in flight ends within the timeout.
	 */
	private static void awaitTermination(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void halt() {
		ScheduledExecutorService executor = this.thread.stop();
		if (executor != null) {
			awaitTermination(executor);
		}
		if (this.registrar != null) {
			// Waits for a sync in progress, then makes later ones do nothing.
			this.registrar.deregister();
		}
	}

}
