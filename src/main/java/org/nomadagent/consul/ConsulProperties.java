package org.nomadagent.consul;

import java.time.Duration;

import org.nomadagent.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code consul} options of the agent configuration. Defaults are Nomad v0.5's, except
 * {@code verify-ssl}, which defaults to true as Nomad's documentation says.
 *
 * @param address Address of the Consul agent, as host:port; 127.0.0.1:8500 when empty
 * @param auth HTTP basic authentication for Consul, as user:password
 * @param autoAdvertise Whether the agent registers its services in Consul
 * @param caFile PEM file of the CA certificates that sign Consul's certificate
 * @param certFile PEM client certificate presented to Consul
 * @param checksUseAdvertise Whether Consul health checks target the advertised addresses rather
 * than the bound ones
 * @param clientAutoJoin Whether a client finds its servers through Consul
 * @param clientServiceName Name of the service a client registers
 * @param keyFile PEM private key of the client certificate
 * @param serverAutoJoin Whether a server finds its peers through Consul
 * @param serverServiceName Name of the services a server registers
 * @param ssl Whether Consul is reached over HTTPS
 * @param timeout Timeout of requests to Consul
 * @param token ACL token sent to Consul
 * @param verifySsl Whether Consul's certificate is verified
 */
@ConfigurationProperties("nomad.consul")
public record ConsulProperties(@DefaultValue("") String address, @DefaultValue("") Secret auth,
		@DefaultValue("true") boolean autoAdvertise, @DefaultValue("") String caFile, @DefaultValue("") String certFile,
		boolean checksUseAdvertise, @DefaultValue("true") boolean clientAutoJoin,
		@DefaultValue("nomad-client") String clientServiceName, @DefaultValue("") String keyFile,
		@DefaultValue("true") boolean serverAutoJoin, @DefaultValue("nomad") String serverServiceName, boolean ssl,
		@DefaultValue("5s") Duration timeout, @DefaultValue("") Secret token, @DefaultValue("true") boolean verifySsl) {
}
