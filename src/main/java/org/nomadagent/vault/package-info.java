/**
 * The Vault integration of a server, as Nomad v0.5's {@code nomad/vault.go} and the Vault parts
 * of {@code Node.DeriveVaultToken} and {@code Job.Register} behave: a Vault client on Spring
 * Vault with the agent's TLS, start-up checks with Nomad's messages, the connection made in the
 * background ({@code sys/init} retried every 30 s, {@code lookup-self} and the role's rules,
 * renewal at half the TTL with Nomad's back-off), response-wrapped task tokens derived through
 * {@code auth/token/create} or a role, revocation by accessor with retries, the job submission
 * policy check, and the connection's state in actuator health and {@code /v1/agent/self} stats.
 */
package org.nomadagent.vault;
