package org.nomadagent.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The sink Nomad always has (go-metrics' {@code InmemSink}, 10-second intervals kept for a
 * minute): gauges keep their last value in each interval, counters and samples their count, sum,
 * minimum, maximum and standard deviation. {@link #dump()} writes the finished intervals as
 * Nomad writes them to stderr on {@code SIGUSR1}.
 */
final class InMemorySink implements Consumer<String> {

	/** go-metrics' interval. */
	static final Duration INTERVAL = Duration.ofSeconds(10);

	/** How long intervals are kept. */
	static final Duration RETAIN = Duration.ofMinutes(1);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
			Locale.ROOT);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("xx z", Locale.ROOT);

	private final Clock clock;

	private final int maxIntervals = (int) (RETAIN.toMillis() / INTERVAL.toMillis());

	private final Deque<Interval> intervals = new ArrayDeque<>();

	InMemorySink(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void accept(String text) {
		MetricLine line = MetricLine.parse(text);
		if (line == null) {
			return;
		}
		Instant now = this.clock.instant();
		synchronized (this.intervals) {
			Interval interval = current(now);
			switch (line.kind()) {
				case GAUGE -> interval.gauges.put(line.key(), line.value());
				case COUNTER -> interval.counters.computeIfAbsent(line.key(), (k) -> new Aggregate())
					.ingest(line.value(), now);
				case SAMPLE -> interval.samples.computeIfAbsent(line.key(), (k) -> new Aggregate())
					.ingest(line.value(), now);
			}
		}
	}

	/**
	 * Writes every interval but the current one, a line a metric: {@code [time][G] 'key': value}
	 * for gauges, {@code [C]} for counters and {@code [S]} for samples with their aggregates
	 * (go-metrics' {@code dumpStats}; keys sorted here, in map order there).
	 * @return the text
	 */
	String dump() {
		StringBuilder out = new StringBuilder();
		synchronized (this.intervals) {
			current(this.clock.instant());
			List<Interval> finished = new ArrayList<>(this.intervals);
			finished.remove(finished.size() - 1);
			for (Interval interval : finished) {
				String time = goTime(interval.start);
				interval.gauges.forEach((key, value) -> out.append('[').append(time).append("][G] '").append(key)
					.append("': ").append(String.format(Locale.ROOT, "%.3f", value)).append('\n'));
				interval.counters.forEach((key, aggregate) -> out.append('[').append(time).append("][C] '").append(key)
					.append("': ").append(aggregate).append('\n'));
				interval.samples.forEach((key, aggregate) -> out.append('[').append(time).append("][S] '").append(key)
					.append("': ").append(aggregate).append('\n'));
			}
		}
		return out.toString();
	}

	private Interval current(Instant now) {
		long intervalMillis = INTERVAL.toMillis();
		Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), intervalMillis) * intervalMillis);
		Interval last = this.intervals.peekLast();
		if (last != null && last.start.equals(start)) {
			return last;
		}
		Interval created = new Interval(start);
		this.intervals.addLast(created);
		while (this.intervals.size() > this.maxIntervals) {
			this.intervals.removeFirst();
		}
		return created;
	}

	/**
	 * Writes a time as Go's {@code time.Time.String()} does, in the local zone:
	 * {@code 2016-11-01 12:00:05.123456 +0000 UTC}.
	 */
	static String goTime(Instant instant) {
		ZonedDateTime time = instant.atZone(java.time.ZoneId.systemDefault());
		StringBuilder text = new StringBuilder(SECONDS.format(time));
		if (time.getNano() != 0) {
			text.append('.').append(String.format(Locale.ROOT, "%09d", time.getNano()).replaceAll("0+$", ""));
		}
		return text.append(' ').append(ZONE.format(time)).toString();
	}

	private static final class Interval {

		private final Instant start;

		private final Map<String, Double> gauges = new TreeMap<>();

		private final Map<String, Aggregate> counters = new TreeMap<>();

		private final Map<String, Aggregate> samples = new TreeMap<>();

		Interval(Instant start) {
			this.start = start;
		}

	}

	/**
	 * go-metrics' {@code AggregateSample}.
	 */
	static final class Aggregate {

		private int count;

		private double sum;

		private double sumOfSquares;

		private double min;

		private double max;

		private Instant lastUpdated;

		void ingest(double value, Instant now) {
			this.count++;
			this.sum += value;
			this.sumOfSquares += value * value;
			if (value < this.min || this.count == 1) {
				this.min = value;
			}
			if (value > this.max || this.count == 1) {
				this.max = value;
			}
			this.lastUpdated = now;
		}

		double stddev() {
			double numerator = this.count * this.sumOfSquares - this.sum * this.sum;
			double divisor = (double) this.count * (this.count - 1);
			return (divisor == 0) ? 0 : Math.sqrt(numerator / divisor);
		}

		@Override
		public String toString() {
			if (this.count == 0) {
				return "Count: 0";
			}
			if (stddev() == 0) {
				return String.format(Locale.ROOT, "Count: %d Sum: %.3f LastUpdated: %s", this.count, this.sum,
						goTime(this.lastUpdated));
			}
			return String.format(Locale.ROOT,
					"Count: %d Min: %.3f Mean: %.3f Max: %.3f Stddev: %.3f Sum: %.3f LastUpdated: %s", this.count,
					this.min, this.sum / this.count, this.max, stddev(), this.sum, goTime(this.lastUpdated));
		}

	}

}
