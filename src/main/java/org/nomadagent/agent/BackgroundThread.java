package org.nomadagent.agent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The daemon thread on which a component of the running agent does its background work (the
 * Consul sync loop, the search for servers, the Vault connection, token revocation) between its
 * {@code SmartLifecycle} start and stop. Work scheduled after the stop is dropped, never run or
 * refused with an exception.
 */
public final class BackgroundThread {

	private final String name;

	private volatile ScheduledExecutorService executor;

	/**
	 * Creates the thread's holder; no thread runs before {@link #start()}.
	 * @param name the thread's name
	 */
	public BackgroundThread(String name) {
		this.name = name;
	}

	/**
	 * Starts the thread.
	 * @return its executor, for the first work
	 */
	public ScheduledExecutorService start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		this.executor = executor;
		return executor;
	}

	/**
	 * Returns the running thread's executor.
	 * @return the executor, or {@code null} before the start and after the stop
	 */
	public ScheduledExecutorService executor() {
		return this.executor;
	}

	/**
	 * Returns whether the thread was started and not stopped since.
	 */
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Runs a task after a delay, unless the thread is stopped by then.
	 * @param task the task
	 * @param delay the delay
	 */
	public void schedule(Runnable task, Duration delay) {
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			return;
		}
		try {
			executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Stopped meanwhile: the agent is going away.
		}
	}

	/**
	 * Stops the thread: the work in progress is interrupted and nothing more runs.
	 * @return the stopped executor, for whoever must wait for the work in progress to end, or
	 * {@code null} when the thread was not running
	 */
	public ScheduledExecutorService stop() {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		return executor;
	}

}
