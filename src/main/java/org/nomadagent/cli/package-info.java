/**
 * The {@code nomad-agent} command line: the commands, the {@code nomad agent} flags parsed with
 * Go's {@code flag} rules (single dash, booleans only with {@code =}), how their values become
 * configuration, and how configuration mistakes are printed. Matches Nomad v0.5's
 * {@code command/agent/command.go} ({@code readConfig}, {@code Help}).
 */
package org.nomadagent.cli;
