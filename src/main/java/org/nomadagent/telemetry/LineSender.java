package org.nomadagent.telemetry;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.nomadagent.config.GoDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends statsd lines to a daemon from a thread of its own, as go-metrics' sinks do: lines wait in
 * a queue of 4,096 and are dropped when it is full, so that recording a metric never blocks; what
 * is written is flushed every {@link TelemetryTimings#flush()}; when the daemon cannot be
 * reached, lines are dropped for {@link TelemetryTimings#reconnect()} and then the sender
 * connects again. Each change between up and down is logged once.
 */
abstract class LineSender implements Consumer<String>, AutoCloseable {

	/** The size of go-metrics' {@code metricQueue}. */
	static final int QUEUE_SIZE = 4096;

	private static final Logger logger = LoggerFactory.getLogger(LineSender.class);

	protected final String sink;

	protected final SinkAddress address;

	private final TelemetryTimings timings;

	private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);

	private final AtomicLong dropped = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean connected;

	private boolean down;

	LineSender(String sink, SinkAddress address, TelemetryTimings timings) {
		this.sink = sink;
		this.address = address;
		this.timings = timings;
		this.thread = new Thread(this::run, "telemetry-" + sink);
		this.thread.setDaemon(true);
	}

	/**
	 * Starts the sender's thread.
	 * @return this sender
	 */
	LineSender start() {
		this.thread.start();
		return this;
	}

	@Override
	public void accept(String line) {
		if (!this.running || !this.queue.offer(line)) {
			this.dropped.incrementAndGet();
		}
	}

	/**
	 * Returns how many lines were dropped because the queue was full or the daemon unreachable.
	 */
	long dropped() {
		return this.dropped.get();
	}

	/**
	 * Returns whether the sender is connected now.
	 */
	boolean connected() {
		return this.connected;
	}

	/**
	 * Connects to the daemon.
	 */
	abstract void connect() throws IOException;

	/**
	 * Writes one line (buffered or not).
	 */
	abstract void write(String line) throws IOException;

	/**
	 * Sends what is buffered.
	 */
	abstract void flush() throws IOException;

	/**
	 * Closes the connection, ignoring errors.
	 */
	abstract void disconnect();

	private void run() {
		while (this.running) {
			try {
				connect();
			}
			catch (IOException | RuntimeException ex) {
				wentDown("error connecting to", ex);
				dropWhileWaiting();
				continue;
			}
			cameUp();
			try {
				pump();
			}
			catch (IOException | RuntimeException ex) {
				disconnect();
				this.connected = false;
				wentDown("error writing to", ex);
				dropWhileWaiting();
			}
		}
	}

	private void pump() throws IOException {
		long flushNanos = this.timings.flush().toNanos();
		long nextFlush = System.nanoTime() + flushNanos;
		while (this.running) {
			String line = poll(nextFlush - System.nanoTime());
			if (line != null) {
				write(line);
			}
			if (System.nanoTime() - nextFlush >= 0) {
				flush();
				nextFlush = System.nanoTime() + flushNanos;
			}
		}
		// Closing: send what is queued, then let go of the connection.
		for (String line = this.queue.poll(); line != null; line = this.queue.poll()) {
			write(line);
		}
		flush();
		disconnect();
	}

	private void dropWhileWaiting() {
		long deadline = System.nanoTime() + this.timings.reconnect().toNanos();
		while (this.running && deadline - System.nanoTime() > 0) {
			if (poll(deadline - System.nanoTime()) != null) {
				this.dropped.incrementAndGet();
			}
		}
	}

	private String poll(long nanos) {
		try {
			return this.queue.poll(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			this.running = false;
			return null;
		}
	}

	private void wentDown(String what, Exception ex) {
		if (!this.down && this.running) {
			this.down = true;
			logger.warn("telemetry: {}: {} {}: {}; dropping metrics and retrying every {}", this.sink, what,
					this.address, describe(ex), GoDuration.format(this.timings.reconnect()));
		}
		logger.debug("telemetry: {}: {} {}", this.sink, what, this.address, ex);
	}

	private void cameUp() {
		this.connected = true;
		if (this.down) {
			this.down = false;
			logger.info("telemetry: {}: connected to {}", this.sink, this.address);
		}
		else {
			logger.debug("telemetry: {}: connected to {}", this.sink, this.address);
		}
	}

	private static String describe(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * Stops the sender: what is queued is sent if the daemon is connected, then the connection is
	 * closed. Waits at most a second for that.
	 */
	@Override
	public void close() {
		this.running = false;
		if (!this.connected) {
			// Waiting to reconnect, or connecting: nothing to send, no reason to wait.
			this.thread.interrupt();
		}
		try {
			this.thread.join(1000);
			if (this.thread.isAlive()) {
				this.thread.interrupt();
				this.thread.join(1000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		disconnect();
		this.connected = false;
	}

}
