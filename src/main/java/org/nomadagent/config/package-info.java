/**
 * The agent configuration, in plain Java: the accepted keys ({@link org.nomadagent.config.AgentConfigSchema}),
 * reading files into layers of origin-tracked values, Nomad v0.5's merge rules, the defaults and
 * dev-mode defaults, the validation Nomad makes when it reads the configuration and when it
 * starts, and the JSON view {@code /v1/agent/self} shows. Matches
 * {@code command/agent/config.go}, {@code config_parse.go} and {@code command.go#readConfig}.
 */
package org.nomadagent.config;
