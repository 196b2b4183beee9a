package org.nomadagent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.nomadagent.config.AgentAddresses.AddressException;
import org.nomadagent.config.AgentAddresses.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AgentAddresses}, after Nomad's {@code TestAgent_ServerConfig} and reference §6.
 */
class AgentAddressesTests {

	@Test
	void everythingDefaultsToBindAddrAndThePorts() throws Exception {
		AgentAddresses addresses = addresses("bind_addr = \"127.0.0.3\"");
		assertThat(addresses.bind(Service.HTTP)).hasToString("127.0.0.3:4646");
		assertThat(addresses.advertise(Service.RPC)).hasToString("127.0.0.3:4647");
		assertThat(addresses.advertise(Service.SERF)).hasToString("127.0.0.3:4648");
	}

	@Test
	void advertisedPortWinsOverTheServicePort() throws Exception {
		AgentAddresses addresses = addresses(
				"advertise {\n serf = \"127.0.0.1:4000\"\n rpc = \"127.0.0.1:4001\"\n http = \"10.10.11.1:4005\"\n}");
		assertThat(addresses.advertise(Service.SERF)).hasToString("127.0.0.1:4000");
		assertThat(addresses.advertise(Service.RPC)).hasToString("127.0.0.1:4001");
		assertThat(addresses.advertise(Service.HTTP)).hasToString("10.10.11.1:4005");
	}

	@Test
	void bindAndAdvertiseFollowNomadsOrder() throws Exception {
		AgentAddresses addresses = addresses("bind_addr = \"127.0.0.3\"\naddresses {\n rpc = \"127.0.0.2\"\n"
				+ " serf = \"127.0.0.2\"\n http = \"127.0.0.2\"\n}\nadvertise {\n http = \"10.0.0.10\"\n rpc = \"\"\n"
				+ " serf = \"10.0.0.12:4004\"\n}\nports {\n rpc = 4003\n serf = 4004\n}");
		assertThat(addresses.bind(Service.RPC)).hasToString("127.0.0.2:4003");
		assertThat(addresses.advertise(Service.HTTP)).hasToString("10.0.0.10:4646");
		assertThat(addresses.advertise(Service.RPC)).hasToString("127.0.0.2:4003");
		assertThat(addresses.advertise(Service.SERF)).hasToString("10.0.0.12:4004");
		assertThat(addresses.checkTarget(Service.HTTP, true)).hasToString("127.0.0.2:4646");
		assertThat(addresses.checkTarget(Service.HTTP, false)).hasToString("10.0.0.10:4646");
		assertThat(addresses.checkTarget(Service.SERF, true)).hasToString("127.0.0.2:4004");
	}

	@Test
	void wildcardServiceAddressAdvertisesBindAddr() throws Exception {
		AgentAddresses addresses = addresses("bind_addr = \"127.0.0.3\"\naddresses { http = \"0.0.0.0\" }");
		assertThat(addresses.bind(Service.HTTP)).hasToString("0.0.0.0:4646");
		assertThat(addresses.advertise(Service.HTTP)).hasToString("127.0.0.3:4646");
		assertThat(addresses.checkTarget(Service.HTTP, true)).hasToString("127.0.0.3:4646");
	}

	@Test
	void wildcardBindWithoutAdvertiseAdvertisesThePrivateAddress() throws Exception {
		// Nomad v0.5 advertised 127.0.0.1 here; later Nomad the host's private address.
		AgentAddresses addresses = new AgentAddresses(layer("bind_addr = \"0.0.0.0\""), this::resolve,
				() -> Optional.of(ip("10.1.2.3")));
		assertThat(addresses.advertise(Service.RPC)).hasToString("10.1.2.3:4647");
		assertThat(addresses.checkTarget(Service.HTTP, true)).hasToString("10.1.2.3:4646");
	}

	@Test
	void wildcardBindWithoutAnyOtherAddressAdvertisesLoopback() throws Exception {
		AgentAddresses addresses = new AgentAddresses(layer("bind_addr = \"::\""), this::resolve, Optional::empty);
		assertThat(addresses.bind(Service.HTTP)).hasToString("[::]:4646");
		assertThat(addresses.advertise(Service.HTTP)).hasToString("127.0.0.1:4646");
	}

	@Test
	void ipv6AddressesAreBracketedWithTheirPort() throws Exception {
		AgentAddresses addresses = addresses("bind_addr = \"::1\"\nadvertise { rpc = \"[fd00::1]:5000\" }");
		assertThat(addresses.bind(Service.HTTP)).hasToString("[::1]:4646");
		assertThat(addresses.advertise(Service.RPC)).hasToString("[fd00::1]:5000");
	}

	@Test
	void namesAreResolvedAndUnresolvableOnesFailWithNomadsWords() throws Exception {
		assertThat(addresses("advertise { serf = \"localhost\" }").advertise(Service.SERF)).hasToString("127.0.0.1:4648");
		assertThatExceptionOfType(AddressException.class)
			.isThrownBy(() -> addresses("advertise { rpc = \"not a host\" }").advertise(Service.RPC))
			.withMessage("Failed to parse RPC \"not a host\" as IP and failed to resolve address: lookup not a host: no such host");
		assertThatExceptionOfType(AddressException.class)
			.isThrownBy(() -> addresses("advertise { http = \"127.0.0.6:abc\" }").advertise(Service.HTTP))
			.withMessageStartingWith("Failed to parse HTTP \"127.0.0.6:abc\" as IP");
	}

	@Test
	void literalsAreReadAsGoReadsThem() throws Exception {
		// Java would read "1" as 0.0.0.1; Go treats it as a host name.
		assertThatExceptionOfType(AddressException.class)
			.isThrownBy(() -> addresses("bind_addr = \"1\"").bind(Service.HTTP));
	}

	private AgentAddresses addresses(String hcl) throws Exception {
		return new AgentAddresses(layer(hcl), this::resolve, Optional::empty);
	}

	private InetAddress resolve(String host) throws UnknownHostException {
		if (host.equals("localhost")) {
			return ip("127.0.0.1");
		}
		throw new UnknownHostException(host);
	}

	private static InetAddress ip(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ConfigLayer layer(String hcl) throws Exception {
		AgentConfigDecoder.Result result = AgentConfigDecoderTests.decode(hcl);
		assertThat(result.problems()).isEmpty();
		return AgentConfigMerger.merge(AgentDefaults.defaults(), result.layer());
	}

}
