package org.nomadagent.telemetry;

import java.util.function.Function;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.statsd.StatsdLineBuilder;

/**
 * Writes the statsd lines of one meter the way Nomad's go-metrics sinks write them: the key
 * flattened by the sink's {@link SinkFormat}, no tags, and one of go-metrics' three kinds:
 * {@code |g} for gauges ({@code SetGauge}), {@code |c} for counter increments
 * ({@code IncrCounter}), {@code |ms} for timings and samples ({@code MeasureSince},
 * {@code AddSample}). Micrometer's own line builders camel-case names and fold tags into them,
 * which would change every name an operator's dashboards know.
 */
final class NomadLineBuilder implements StatsdLineBuilder {

	private final String prefix;

	private final SinkFormat format;

	NomadLineBuilder(String flatKey, SinkFormat format) {
		this.prefix = flatKey + ":";
		this.format = format;
	}

	/**
	 * Returns the line builders of a sink.
	 * @param keys the keys of Nomad's meters
	 * @param format how the sink writes keys and values
	 * @param hostName the host name gauges carry as their second part, or {@code null} when
	 * they carry none (no external sink, or {@code disable_hostname})
	 * @param nodeName the configured node name, which the DogStatsD sink takes out of its keys
	 * ({@code ""} when not configured)
	 * @return a line builder for each meter
	 */
	static Function<Meter.Id, StatsdLineBuilder> forSink(MetricKeys keys, SinkFormat format, String hostName,
			String nodeName) {
		return (id) -> {
			MetricKey key = keys.of(id);
			if (hostName != null && id.getType() == Meter.Type.GAUGE) {
				key = key.withHostName(hostName);
			}
			if (format == SinkFormat.DOGSTATSD) {
				key = key.without(nodeName);
			}
			return new NomadLineBuilder(format.flatten(key), format);
		};
	}

	@Override
	public String count(long amount, Statistic stat) {
		return this.prefix + this.format.count(amount) + "|c";
	}

	@Override
	public String gauge(double amount, Statistic stat) {
		return this.prefix + this.format.value(amount) + "|g";
	}

	@Override
	public String histogram(double amount) {
		// go-metrics sends every sample as a timing.
		return this.prefix + this.format.value(amount) + "|ms";
	}

	@Override
	public String timing(double timeMs) {
		return this.prefix + this.format.value(timeMs) + "|ms";
	}

}
