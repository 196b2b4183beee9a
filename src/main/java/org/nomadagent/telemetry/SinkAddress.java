package org.nomadagent.telemetry;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.nomadagent.config.HostPort;
import org.nomadagent.config.hcl.GoStrconv;

/**
 * The {@code host:port} of a statsd, statsite or DogStatsD daemon. The shape is checked when the
 * agent starts (the same check and words as {@code config validate}); the host name is resolved
 * each time the sink connects, so that a DNS name that does not resolve yet never stops the agent.
 *
 * @param option the option the address was given in ({@code statsd_address})
 * @param text the address as written
 * @param host the host, {@code ""} for the local system (as Go dials it)
 * @param port the port
 */
record SinkAddress(String option, String text, String host, int port) {

	/**
	 * Reads an address.
	 * @param option the option the address was given in
	 * @param text the address as written
	 * @return the address
	 * @throws IllegalArgumentException with the start-up message
	 * ({@code statsd_address "x": address x: missing port in address})
	 */
	static SinkAddress parse(String option, String text) {
		HostPort hostPort = HostPort.split(text);
		if (hostPort == null) {
			throw invalid(option, text, "address " + text + ": missing port in address");
		}
		if (!hostPort.port().matches("[0-9]{1,5}") || Integer.parseInt(hostPort.port()) > 65535) {
			throw invalid(option, text, "address " + text + ": invalid port");
		}
		return new SinkAddress(option, text, hostPort.host(), Integer.parseInt(hostPort.port()));
	}

	/**
	 * Resolves the address now.
	 * @return the socket address
	 * @throws UnknownHostException if the host name does not resolve
	 */
	InetSocketAddress resolve() throws UnknownHostException {
		InetAddress address = this.host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(this.host);
		return new InetSocketAddress(address, this.port);
	}

	@Override
	public String toString() {
		return this.text;
	}

	private static IllegalArgumentException invalid(String option, String text, String error) {
		return new IllegalArgumentException(option + " " + GoStrconv.quote(text) + ": " + error);
	}

}
