package org.nomadagent.config;

/**
 * A {@code host:port} pair split as Go's {@code net.SplitHostPort} splits it: the port is what
 * follows the last colon, and an IPv6 host must be in brackets ({@code [::1]:4646}).
 *
 * @param host the host, without brackets
 * @param port the port text, not checked
 */
public record HostPort(String host, String port) {

	/**
	 * Splits {@code host:port}.
	 * @param text the text
	 * @return the parts, or {@code null} when the text is not of that form (no colon, too many
	 * colons outside brackets, or stray brackets)
	 */
	public static HostPort split(String text) {
		int colon = text.lastIndexOf(':');
		if (colon < 0) {
			return null;
		}
		String host = text.substring(0, colon);
		String port = text.substring(colon + 1);
		if (host.startsWith("[")) {
			if (!host.endsWith("]")) {
				return null;
			}
			host = host.substring(1, host.length() - 1);
		}
		else if (host.contains(":") || host.contains("[") || host.contains("]")) {
			return null;
		}
		if (port.contains("[") || port.contains("]") || host.contains("[") || host.contains("]")) {
			return null;
		}
		return new HostPort(host, port);
	}

}
