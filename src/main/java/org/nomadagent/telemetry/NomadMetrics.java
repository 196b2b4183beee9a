package org.nomadagent.telemetry;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records the agent's metrics under Nomad's names, for every part of the agent: the Nomad
 * counterpart of go-metrics' {@code metrics.MeasureSince}, {@code IncrCounter},
 * {@code AddSample} and {@code SetGauge}. A key is given without the service name, as Nomad's code
 * gives it: {@code timer("nomad", "client", "derive_vault_token")} is the timer
 * {@code nomad.nomad.client.derive_vault_token}. What is recorded here reaches every configured
 * sink (statsd, statsite, DogStatsD, Circonus, the in-memory sink) with Nomad's naming rules, and
 * {@code /actuator/metrics} under the same dotted name (without the host name gauges carry in
 * the sinks).
 * <p>
 * Meters are cached by Micrometer; looking one up by key on each use is cheap, keeping it in a
 * field is cheaper.
 */
public final class NomadMetrics {

	private static final String PREFIX = MetricKey.SERVICE + ".";

	private final MeterRegistry registry;

	private final MetricKeys keys;

	NomadMetrics(MeterRegistry registry, MetricKeys keys) {
		this.registry = registry;
		this.keys = keys;
	}

	/**
	 * Returns metrics recorded in the given registry only, for tests and for code that runs
	 * without the agent's telemetry.
	 * @param registry the registry
	 * @return the metrics
	 */
	public static NomadMetrics using(MeterRegistry registry) {
		return new NomadMetrics(registry, new MetricKeys());
	}

	/**
	 * Returns the timer of a key: each recording is sent as a {@code |ms} sample, in milliseconds
	 * (go-metrics' {@code MeasureSince}).
	 * @param key the key's parts, without the service name
	 * @return the timer
	 */
	public Timer timer(String... key) {
		return Timer.builder(name(key)).register(this.registry);
	}

	/**
	 * Returns the counter of a key: each increment is sent as a {@code |c} line
	 * (go-metrics' {@code IncrCounter}).
	 * @param key the key's parts, without the service name
	 * @return the counter
	 */
	public Counter counter(String... key) {
		return Counter.builder(name(key)).register(this.registry);
	}

	/**
	 * Returns the sample of a key: each recorded value is sent as a {@code |ms} line whatever its
	 * unit, as go-metrics' {@code AddSample} sends it.
	 * @param key the key's parts, without the service name
	 * @return the distribution summary
	 */
	public DistributionSummary sample(String... key) {
		return DistributionSummary.builder(name(key)).register(this.registry);
	}

	/**
	 * Registers a gauge, read every second and sent as a {@code |g} line, with the host name
	 * as its second part when the host-name rule applies (go-metrics' {@code SetGauge}). The
	 * state object is held strongly: the gauge lives as long as the agent.
	 * @param <T> the type of the state
	 * @param state the object the value is read from
	 * @param value reads the value
	 * @param key the key's parts, without the service name
	 * @return the gauge
	 */
	public <T> Gauge gauge(T state, ToDoubleFunction<T> value, String... key) {
		return Gauge.builder(name(key), state, value).strongReference(true).register(this.registry);
	}

	/**
	 * Returns whether a meter is one of Nomad's, the only meters the sinks accept.
	 * @param id the meter's id
	 * @return whether its name starts with {@code nomad.}
	 */
	static boolean isNomadMeter(Meter.Id id) {
		return id.getName().startsWith(PREFIX);
	}

	private String name(String... key) {
		return this.keys.remember(MetricKey.of(key)).name();
	}

}
