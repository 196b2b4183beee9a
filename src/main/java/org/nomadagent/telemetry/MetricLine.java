package org.nomadagent.telemetry;

/**
 * One metric event read back from a statsd line ({@code key:value|type}), for the sinks that
 * aggregate instead of forwarding lines (Circonus, in-memory): the three kinds of go-metrics'
 * {@code MetricSink}.
 *
 * @param key the flat key
 * @param value the value
 * @param kind the kind of event
 */
record MetricLine(String key, double value, Kind kind) {

	/**
	 * Reads a line written by {@link NomadLineBuilder}.
	 * @param line the line
	 * @return the event, or {@code null} when the line is not of that form
	 */
	static MetricLine parse(String line) {
		int bar = line.lastIndexOf('|');
		int colon = (bar > 0) ? line.lastIndexOf(':', bar) : -1;
		if (colon <= 0) {
			return null;
		}
		Kind kind = switch (line.substring(bar + 1)) {
			case "g" -> Kind.GAUGE;
			case "c" -> Kind.COUNTER;
			case "ms" -> Kind.SAMPLE;
			default -> null;
		};
		if (kind == null) {
			return null;
		}
		try {
			return new MetricLine(line.substring(0, colon), Double.parseDouble(line.substring(colon + 1, bar)), kind);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The kinds of metric events: {@code SetGauge}, {@code IncrCounter}, {@code AddSample}.
	 */
	enum Kind {

		/** A gauge set to a value. */
		GAUGE,

		/** A counter incremented by a value. */
		COUNTER,

		/** A sample (a timing, in milliseconds, or another measurement). */
		SAMPLE

	}

}
