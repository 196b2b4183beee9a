/**
 * Telemetry with Nomad v0.5's metric names and sinks ({@code command/agent/command.go}
 * {@code setupTelemetry} and the vendored {@code armon/go-metrics}): statsd over UDP, statsite
 * over TCP, DogStatsD and Circonus HTTPTRAP, any number at once, plus the in-memory sink that
 * {@code SIGUSR1} dumps. Every sink is a Micrometer registry whose lines follow go-metrics' rules
 * (the {@code nomad} prefix, the host name in gauges only, {@code :} and spaces replaced, no tags)
 * and go to a sender of ours that never blocks the agent; {@link
 * org.nomadagent.telemetry.NomadMetrics} is how the rest of the agent records metrics under
 * Nomad's names.
 */
package org.nomadagent.telemetry;
