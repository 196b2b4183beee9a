package org.nomadagent.telemetry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits metrics to a Circonus HTTPTRAP check every {@code circonus_submission_interval}, as
 * Nomad's Circonus sink ({@code circonus-gometrics}) does: counters are summed, gauges keep their
 * last value (as a whole number, written as text), samples go into log-linear histograms; each
 * submission sends what was recorded since the previous one, as a JSON object sorted by metric
 * name, and nothing is sent when nothing was recorded. Everything happens on the sink's own
 * thread: finding the check, submitting, retrying. The agent never waits for Circonus, and while
 * Circonus cannot be reached each interval's metrics are dropped.
 */
final class CirconusSink implements Consumer<String>, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CirconusSink.class);

	private final CirconusCheck check;

	private final Duration interval;

	private final ScheduledExecutorService thread;

	private Map<String, Long> counters = new HashMap<>();

	private Map<String, Long> gauges = new HashMap<>();

	private Map<String, CirconusHistogram> histograms = new HashMap<>();

	private volatile String failing;

	CirconusSink(CirconusCheck check, Duration interval) {
		this.check = check;
		this.interval = interval;
		this.thread = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "telemetry-circonus");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts submitting: the check is looked for at once, the first submission is one interval
	 * away.
	 * @return this sink
	 */
	CirconusSink start() {
		this.thread.execute(this::findCheck);
		long millis = this.interval.toMillis();
		this.thread.scheduleAtFixedRate(this::flush, millis, millis, TimeUnit.MILLISECONDS);
		return this;
	}

	@Override
	public void accept(String text) {
		MetricLine line = MetricLine.parse(text);
		if (line == null) {
			return;
		}
		synchronized (this) {
			switch (line.kind()) {
				case COUNTER -> this.counters.merge(line.key(), (long) line.value(), Long::sum);
				case GAUGE -> this.gauges.put(line.key(), (long) line.value());
				case SAMPLE -> this.histograms.computeIfAbsent(line.key(), (key) -> new CirconusHistogram())
					.record(line.value());
			}
		}
	}

	/**
	 * Submits what was recorded since the last submission.
	 */
	void flush() {
		Map<String, Long> counted;
		Map<String, Long> gauged;
		Map<String, CirconusHistogram> sampled;
		synchronized (this) {
			counted = this.counters;
			gauged = this.gauges;
			sampled = this.histograms;
			this.counters = new HashMap<>();
			this.gauges = new HashMap<>();
			this.histograms = new HashMap<>();
		}
		try {
			CirconusTrap trap = this.check.trap();
			ObjectNode output = CirconusApi.JSON.createObjectNode();
			Map<String, String> added = new TreeMap<>();
			Map<String, ObjectNode> metrics = new TreeMap<>();
			counted.forEach((name, value) -> {
				if (send(name, "numeric", added)) {
					metrics.put(name, metric().put("_value", value));
				}
			});
			gauged.forEach((name, value) -> {
				if (send(name, "numeric", added)) {
					metrics.put(name, metric().put("_value", Long.toString(value)));
				}
			});
			sampled.forEach((name, histogram) -> {
				if (send(name, "histogram", added)) {
					ObjectNode metric = metric();
					histogram.bins().forEach(metric.putArray("_value")::add);
					metrics.put(name, metric);
				}
			});
			if (metrics.isEmpty()) {
				return;
			}
			metrics.forEach(output::set);
			activate(added);
			submit(trap, CirconusApi.JSON.writeValueAsString(output));
		}
		catch (CirconusException ex) {
			failed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			failed(new CirconusException(ex.toString(), ex));
		}
	}

	private void submit(CirconusTrap trap, String json) throws CirconusException, InterruptedException {
		try {
			int stats = trap.submit(json);
			logger.debug("telemetry: circonus: {} stats sent", stats);
			recovered();
		}
		catch (CirconusException ex) {
			this.check.submissionFailed();
			throw ex;
		}
	}

	/**
	 * Adds new metrics to the check; when that fails the metrics are still submitted, and added
	 * again next time, as the library does.
	 */
	private void activate(Map<String, String> added) throws InterruptedException {
		try {
			this.check.activate(added);
		}
		catch (CirconusException ex) {
			logger.warn("telemetry: circonus: error updating the check bundle: {}", ex.getMessage());
			logger.debug("telemetry: circonus: error updating the check bundle", ex);
		}
	}

	private boolean send(String name, String type, Map<String, String> added) {
		if (this.check.active(name)) {
			return true;
		}
		if (this.check.activates(name)) {
			added.put(name, type);
			return true;
		}
		return false;
	}

	private static ObjectNode metric() {
		return CirconusApi.JSON.createObjectNode().put("_type", "n");
	}

	private void findCheck() {
		try {
			this.check.trap();
			recovered();
		}
		catch (CirconusException ex) {
			failed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void failed(CirconusException ex) {
		String message = ex.getMessage();
		if (!message.equals(this.failing)) {
			logger.warn("telemetry: circonus: {}; metrics are dropped until it succeeds", message);
			this.failing = message;
		}
		logger.debug("telemetry: circonus: {}", message, ex);
	}

	private void recovered() {
		if (this.failing != null) {
			logger.info("telemetry: circonus: submitting metrics again");
			this.failing = null;
		}
	}

	/**
	 * Returns why the sink cannot submit now, or {@code null} when it can.
	 */
	String failure() {
		return this.failing;
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
		try {
			this.thread.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
