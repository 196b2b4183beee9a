package org.nomadagent.telemetry;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Writes the in-memory sink to stderr when the agent receives {@code SIGUSR1}, as Nomad does
 * (go-metrics' {@code DefaultInmemSignal}). Closing it gives the signal back to whoever handled
 * it before.
 */
final class MetricsDumpSignal implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MetricsDumpSignal.class);

	private static final String SIGNAL = "USR1";

	private final SignalHandler handler;

	private SignalHandler previous;

	MetricsDumpSignal(InMemorySink sink, PrintStream out) {
		this.handler = (signal) -> {
			out.print(sink.dump());
			out.flush();
		};
	}

	/**
	 * Starts handling the signal; where the platform has no {@code SIGUSR1}, does nothing.
	 * @return this
	 */
	MetricsDumpSignal install() {
		try {
			this.previous = Signal.handle(new Signal(SIGNAL), this.handler);
		}
		catch (IllegalArgumentException ex) {
			logger.debug("telemetry: SIGUSR1 cannot be handled here, the in-memory metrics cannot be dumped", ex);
		}
		return this;
	}

	/**
	 * Returns whether the signal is handled.
	 */
	boolean installed() {
		return this.previous != null;
	}

	@Override
	public void close() {
		if (this.previous != null) {
			try {
				Signal.handle(new Signal(SIGNAL), this.previous);
			}
			catch (IllegalArgumentException ex) {
				// The platform took the signal away meanwhile; nothing to restore.
			}
			this.previous = null;
		}
	}

}
