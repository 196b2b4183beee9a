package org.nomadagent.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves host names for the running agent; IP literals are returned without a lookup.
 */
@FunctionalInterface
public interface AgentAddressResolver {

	/** Resolution through the system resolver. */
	AgentAddressResolver SYSTEM = InetAddress::getByName;

	/**
	 * Resolves a host.
	 * @param host a host name or IP literal
	 * @return the address
	 * @throws UnknownHostException if the name does not resolve
	 */
	InetAddress resolve(String host) throws UnknownHostException;

}
