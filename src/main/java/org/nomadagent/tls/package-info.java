/**
 * TLS for the agent's HTTPS clients (Consul, Vault) from the configuration's PEM files: CA files
 * and directories, client certificates with PKCS#1, PKCS#8 or EC keys, a fixed server name (SNI),
 * skip-verify, TLS 1.2 at least. Matches the TLS options of Nomad v0.5's Consul and Vault
 * configuration ({@code nomad/structs/config}); the {@code tls} block itself (HTTP API over TLS)
 * is applied through Spring Boot's {@code server.ssl} PEM support.
 */
package org.nomadagent.tls;
