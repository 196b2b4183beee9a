package org.nomadagent.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tls} options of the agent configuration: TLS for the HTTP API and for RPC.
 *
 * @param http Whether the HTTP API is served over TLS
 * @param rpc Whether server RPC uses TLS (validated; RPC is not served yet)
 * @param verifyServerHostname Whether outgoing RPC checks that the server's certificate is valid
 * for server.region.nomad
 * @param caFile PEM file of the CA certificates that sign the agents' certificates
 * @param certFile PEM certificate of the agent
 * @param keyFile PEM private key of the agent's certificate
 */
@ConfigurationProperties("nomad.tls")
public record TlsProperties(boolean http, boolean rpc, boolean verifyServerHostname, @DefaultValue("") String caFile,
		@DefaultValue("") String certFile, @DefaultValue("") String keyFile) {
}
