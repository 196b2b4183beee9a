package org.nomadagent.agent;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.nomadagent.cli.Console;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.nomadagent.config.ConfigLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Waits for the signals Nomad's agent handles and acts as it does (reference §12.4-12.6):
 * SIGHUP reloads the configuration; SIGINT with {@code leave_on_interrupt} or SIGTERM with
 * {@code leave_on_terminate} leaves gracefully and exits 0 if the leave completes within five
 * seconds (another signal or the timeout exits 1); any other SIGINT or SIGTERM exits 1 at once.
 * In every case the agent then shuts down: the HTTP listener closes and every component stops.
 */
final class AgentSignals {

	/** How long a graceful leave may take, as in Nomad. */
	static final long LEAVE_TIMEOUT_MILLIS = 5_000;

	private final long leaveTimeoutMillis;

	private static final Logger logger = LoggerFactory.getLogger(AgentSignals.class);

	private final BlockingQueue<String> signals;

	private final ConfigurableApplicationContext context;

	private final LiveAgentConfig live;

	private final Supplier<Outcome> reload;

	private final Console console;

	AgentSignals(ConfigurableApplicationContext context, LiveAgentConfig live, Supplier<Outcome> reload,
			Console console, BlockingQueue<String> signals) {
		this(context, live, reload, console, signals, LEAVE_TIMEOUT_MILLIS);
	}

	AgentSignals(ConfigurableApplicationContext context, LiveAgentConfig live, Supplier<Outcome> reload,
			Console console, BlockingQueue<String> signals, long leaveTimeoutMillis) {
		this.leaveTimeoutMillis = leaveTimeoutMillis;
		this.signals = signals;
		this.context = context;
		this.live = live;
		this.reload = reload;
		this.console = console;
	}

	/**
	 * Routes SIGINT, SIGTERM and SIGHUP of this process to a queue, instead of the JVM's default
	 * (which would run the shutdown hooks and exit).
	 * @param console where to warn of a signal that stays ignored
	 * @return the queue the signal names ({@code INT}, {@code TERM}, {@code HUP}) arrive on
	 */
	static BlockingQueue<String> installHandlers(Console console) {
		BlockingQueue<String> signals = new LinkedBlockingQueue<>();
		for (String name : new String[] { "INT", "TERM", "HUP" }) {
			SignalHandler previous = Signal.handle(new Signal(name), (signal) -> signals.offer(signal.getName()));
			if (previous == SignalHandler.SIG_IGN) {
				// A process started with a signal ignored (a background job of a shell, nohup)
				// keeps it ignored: the JVM, unlike Go, does not let a program take it back.
				console.error("WARNING: SIG" + name + " was ignored when the agent started and stays ignored;"
						+ " stop the agent with SIGTERM");
			}
		}
		return signals;
	}

	/**
	 * Handles signals until the agent must stop, stops it, and returns the exit code.
	 */
	int awaitShutdown() {
		try {
			while (true) {
				String signal = this.signals.take();
				this.console.output("Caught signal: " + describe(signal));
				if (signal.equals("HUP")) {
					reload();
					continue;
				}
				ConfigLayer config = this.live.current().layer();
				boolean graceful = (signal.equals("INT") && config.bool("leave_on_interrupt"))
						|| (signal.equals("TERM") && config.bool("leave_on_terminate"));
				int exitCode = graceful ? leave() : 1;
				shutdown();
				return exitCode;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			shutdown();
			return 1;
		}
	}

	private int leave() throws InterruptedException {
		this.console.output("Gracefully shutting down agent...");
		AgentLifecycle lifecycle = this.context.getBean(AgentLifecycle.class);
		CompletableFuture<Void> leave = CompletableFuture.runAsync(lifecycle::leave, (task) -> {
			Thread thread = new Thread(task, "agent-leave");
			thread.setDaemon(true);
			thread.start();
		});
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.leaveTimeoutMillis);
		while (System.nanoTime() < deadline) {
			if (leave.isDone()) {
				return leave.isCompletedExceptionally() ? 1 : 0;
			}
			String another = this.signals.poll(50, TimeUnit.MILLISECONDS);
			if (another != null) {
				this.console.output("Caught signal: " + describe(another));
				return 1;
			}
		}
		logger.warn("agent: leave did not complete within {}ms", this.leaveTimeoutMillis);
		return 1;
	}

	private void reload() {
		this.console.output("Reloading configuration...");
		Outcome outcome = this.reload.get();
		if (!outcome.succeeded()) {
			this.console.error("Failed to reload configs");
			return;
		}
		this.live.replace(outcome.config());
	}

	private void shutdown() {
		try {
			this.context.close();
		}
		catch (RuntimeException ex) {
			logger.warn("agent: error during shutdown: {}", ex.getMessage());
		}
	}

	/**
	 * Returns the name Go gives a signal ({@code interrupt}, {@code terminated}, {@code hangup}).
	 */
	static String describe(String signal) {
		return switch (signal) {
			case "INT" -> "interrupt";
			case "TERM" -> "terminated";
			case "HUP" -> "hangup";
			default -> signal.toLowerCase(java.util.Locale.ROOT);
		};
	}

}
