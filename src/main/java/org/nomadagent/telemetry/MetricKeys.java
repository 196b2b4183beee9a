package org.nomadagent.telemetry;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;

/**
 * The keys of the meters {@link NomadMetrics} registered, by meter name. A Micrometer meter only
 * has a dotted name; the sinks need the parts back, because Circonus joins them with backticks
 * and a part may itself hold a dot (a job named {@code web.frontend}).
 */
final class MetricKeys {

	private final Map<String, MetricKey> byName = new ConcurrentHashMap<>();

	/**
	 * Remembers a key.
	 * @param key the key
	 * @return the key remembered under its name (the first one, if two keys flatten alike)
	 */
	MetricKey remember(MetricKey key) {
		MetricKey known = this.byName.putIfAbsent(key.name(), key);
		return (known != null) ? known : key;
	}

	/**
	 * Returns the key of a meter: the one remembered, or the name split at its dots.
	 * @param id the meter's id
	 * @return the key
	 */
	MetricKey of(Meter.Id id) {
		MetricKey key = this.byName.get(id.getName());
		return (key != null) ? key : new MetricKey(Arrays.asList(id.getName().split("\\.")));
	}

}
