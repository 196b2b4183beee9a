package org.nomadagent.telemetry;

import java.util.Locale;

/**
 * How a sink flattens a key and writes a value, as the go-metrics sink it replaces does. Lines
 * are statsd lines ({@code key:value|type}, type {@code g}, {@code c} or {@code ms}); the
 * Circonus and in-memory sinks read theirs back, so they carry exact values.
 */
enum SinkFormat {

	/**
	 * statsd and statsite ({@code StatsdSink}, {@code StatsiteSink}): parts joined with dots,
	 * {@code :} and spaces turned into underscores, every value written with Go's {@code %f}
	 * ({@code 12.000000}), which both daemons accept.
	 */
	STATSD(".", ": ") {

		@Override
		String count(long amount) {
			return decimal(amount);
		}

		@Override
		String value(double amount) {
			return decimal(amount);
		}

	},

	/**
	 * DogStatsD ({@code datadog-go}): the statsd keys; gauges and timings with {@code %f},
	 * counts as whole numbers ({@code %d}).
	 */
	DOGSTATSD(".", ": ") {

		@Override
		String count(long amount) {
			return Long.toString(amount);
		}

		@Override
		String value(double amount) {
			return decimal(amount);
		}

	},

	/**
	 * Circonus ({@code CirconusSink}): parts joined with backticks, spaces turned into
	 * underscores; exact values, formatted later by the submission.
	 */
	CIRCONUS("`", " ") {

		@Override
		String count(long amount) {
			return Long.toString(amount);
		}

		@Override
		String value(double amount) {
			return Double.toString(amount);
		}

	},

	/**
	 * The in-memory sink ({@code InmemSink}): parts joined with dots, spaces turned into
	 * underscores; exact values.
	 */
	IN_MEMORY(".", " ") {

		@Override
		String count(long amount) {
			return Long.toString(amount);
		}

		@Override
		String value(double amount) {
			return Double.toString(amount);
		}

	};

	private final String separator;

	private final String replaced;

	SinkFormat(String separator, String replaced) {
		this.separator = separator;
		this.replaced = replaced;
	}

	/**
	 * Returns the key as this sink writes it.
	 */
	String flatten(MetricKey key) {
		return key.flatten(this.separator, this.replaced);
	}

	/**
	 * Writes the amount of a counter increment.
	 */
	abstract String count(long amount);

	/**
	 * Writes the value of a gauge or a sample.
	 */
	abstract String value(double amount);

	/**
	 * Writes a number as Go's {@code fmt.Sprintf("%f", v)}: six decimals, no exponent.
	 */
	static String decimal(double amount) {
		return String.format(Locale.ROOT, "%f", amount);
	}

}
