package org.nomadagent.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import org.nomadagent.config.AgentProperties;

/**
 * The agent's metric sinks, built from the {@code telemetry} options as Nomad's
 * {@code setupTelemetry} builds them: statsite, statsd, DogStatsD and Circonus when configured,
 * any number at once, and always the in-memory sink. Each sink is a Micrometer
 * {@link StatsdMeterRegistry} (counters and timers send a line per recording, gauges are read
 * every second: go-metrics' model) whose lines, written with Nomad's naming rules, go to a sender
 * of ours instead of Micrometer's network client. Gauges carry the host name as their second key
 * part when an external sink is configured and {@code disable_hostname} is not set.
 */
final class TelemetrySinks implements AutoCloseable {

	private final List<MeterRegistry> registries = new ArrayList<>();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final InMemorySink inMemory;

	private final boolean external;

	private TelemetrySinks(InMemorySink inMemory, boolean external) {
		this.inMemory = inMemory;
		this.external = external;
	}

	/**
	 * Builds and starts the sinks.
	 * @param telemetry the telemetry options
	 * @param agent the agent options (the node name and datacenter)
	 * @param hostName the host name gauges carry
	 * @param keys the keys of Nomad's meters
	 * @param timings the periods
	 * @return the sinks
	 * @throws IllegalArgumentException when an option is invalid (the start-up error, without
	 * its {@code Error initializing telemetry: } lead-in)
	 */
	static TelemetrySinks start(TelemetryProperties telemetry, AgentProperties agent, String hostName, MetricKeys keys,
			TelemetryTimings timings) {
		SinkAddress statsite = address("statsite_address", telemetry.statsiteAddress());
		SinkAddress statsd = address("statsd_address", telemetry.statsdAddress());
		SinkAddress datadog = address("datadog_address", telemetry.datadogAddress());
		CirconusSettings circonus = CirconusSettings.enabled(telemetry)
				? CirconusSettings.of(telemetry, agent.name(), agent.datacenter(), hostName) : null;
		boolean external = statsite != null || statsd != null || datadog != null || circonus != null;
		String gaugeHost = (external && !telemetry.disableHostname() && !hostName.isEmpty()) ? hostName : null;
		TelemetrySinks sinks = new TelemetrySinks(new InMemorySink(Clock.systemDefaultZone()), external);
		if (statsite != null) {
			LineSender sender = new TcpLineSender("statsite", statsite, timings).start();
			sinks.add(sender, registry(sender, keys, SinkFormat.STATSD, gaugeHost, "", timings.poll()));
		}
		if (statsd != null) {
			LineSender sender = new UdpLineSender("statsd", statsd, true, timings).start();
			sinks.add(sender, registry(sender, keys, SinkFormat.STATSD, gaugeHost, "", timings.poll()));
		}
		if (datadog != null) {
			LineSender sender = new UdpLineSender("datadog", datadog, false, timings).start();
			sinks.add(sender, registry(sender, keys, SinkFormat.DOGSTATSD, gaugeHost, agent.name(), timings.poll()));
		}
		if (circonus != null) {
			CirconusCheck check = CirconusCheck.create(circonus, timings, CirconusBrokers.BROKER_PORT,
					CirconusCheckFinder::newSecret);
			CirconusSink sink = new CirconusSink(check, circonus.interval()).start();
			sinks.add(sink, registry(sink, keys, SinkFormat.CIRCONUS, gaugeHost, "", timings.poll()));
		}
		sinks.registries.add(registry(sinks.inMemory, keys, SinkFormat.IN_MEMORY, gaugeHost, "", timings.poll()));
		return sinks;
	}

	/**
	 * Returns the sinks' registries, to be added to the registry of Nomad's meters.
	 */
	List<MeterRegistry> registries() {
		return List.copyOf(this.registries);
	}

	/**
	 * Returns the in-memory sink.
	 */
	InMemorySink inMemory() {
		return this.inMemory;
	}

	/**
	 * Returns whether a sink other than the in-memory one is configured.
	 */
	boolean hasExternalSinks() {
		return this.external;
	}

	private void add(AutoCloseable resource, MeterRegistry registry) {
		this.resources.add(resource);
		this.registries.add(registry);
	}

	private static SinkAddress address(String option, String text) {
		return text.isEmpty() ? null : SinkAddress.parse(option, text);
	}

	/**
	 * Builds the registry of a sink: Nomad's line format, no tags, gauges read at the given
	 * period, and only Nomad's meters let in.
	 */
	static StatsdMeterRegistry registry(Consumer<String> lines, MetricKeys keys, SinkFormat format, String gaugeHost,
			String nodeName, Duration poll) {
		StatsdMeterRegistry registry = StatsdMeterRegistry.builder(new SinkConfig(poll))
			.lineBuilder(NomadLineBuilder.forSink(keys, format, gaugeHost, nodeName))
			.lineSink(lines)
			.build();
		// Only meters recorded through NomadMetrics reach a sink; this keeps it so even if the
		// registry is ever shared.
		registry.config().meterFilter(MeterFilter.denyUnless(NomadMetrics::isNomadMeter));
		return registry;
	}

	@Override
	public void close() {
		for (MeterRegistry registry : this.registries) {
			registry.close();
		}
		for (AutoCloseable resource : this.resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				// Closing a sink never fails the agent's shutdown.
			}
		}
	}

	/**
	 * The Micrometer settings of a sink registry; the address and protocol are the sender's
	 * business.
	 */
	private record SinkConfig(Duration pollingFrequency) implements StatsdConfig {

		@Override
		public String get(String key) {
			return null;
		}

		@Override
		public StatsdFlavor flavor() {
			return StatsdFlavor.ETSY;
		}

	}

}
