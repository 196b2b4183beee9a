/**
 * The agent's Consul integration, matching Nomad v0.5's {@code command/agent/consul} syncer and
 * the Consul parts of its server and client: a small HTTP client of Consul (address, ACL token,
 * basic authentication, TLS with PEM files, timeout, and the {@code CONSUL_HTTP_*} environment
 * variables), the registration of the agent's services and TCP checks with Nomad's IDs, names,
 * tags and bodies, kept in sync every five seconds and removed on leave and shutdown, and the
 * searches of the catalog for servers ({@code server_auto_join}, {@code client_auto_join}).
 * Consul being away never stops the agent: it retries with back-off, logs each change once, and
 * reports it in the {@code consul} health component and stats.
 */
package org.nomadagent.consul;
