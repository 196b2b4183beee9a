package org.nomadagent.config;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IP address and port, shown as {@code ip:port} ({@code [ip]:port} for IPv6), as Go's
 * {@code net.JoinHostPort} shows it.
 *
 * @param address the IP address
 * @param port the port
 */
public record ServiceAddress(InetAddress address, long port) {

	/**
	 * Returns the IP address as text, without brackets.
	 */
	public String host() {
		return IpAddresses.format(this.address);
	}

	@Override
	public String toString() {
		String host = host();
		return ((this.address instanceof Inet6Address) ? "[" + host + "]" : host) + ":" + this.port;
	}

}
