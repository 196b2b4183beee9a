package org.nomadagent.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals as Go's {@code net.ParseIP} reads them: dotted-quad IPv4 or IPv6 text,
 * nothing else (Java's {@link InetAddress#getByName(String)} also accepts forms such as
 * {@code 1} or {@code 10.1}, which Go reads as host names).
 */
final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * Returns the address a literal denotes, or {@code null} when the text is not an IP literal.
	 */
	static InetAddress parse(String text) {
		try {
			if (text.contains(":")) {
				if (!text.matches("[0-9A-Fa-f:.]+")) {
					return null;
				}
				return InetAddress.getByName(text);
			}
			if (!isDottedQuad(text)) {
				return null;
			}
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Returns the text of an address without a scope or brackets.
	 */
	static String format(InetAddress address) {
		String text = address.getHostAddress();
		int scope = text.indexOf('%');
		if (scope >= 0) {
			text = text.substring(0, scope);
		}
		if (address instanceof Inet6Address) {
			return compressIpv6(text);
		}
		return text;
	}

	/**
	 * Returns whether an address is private: RFC 1918 or RFC 6598 for IPv4, unique local
	 * ({@code fc00::/7}) for IPv6.
	 */
	static boolean isPrivate(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int a = bytes[0] & 0xff;
			int b = bytes[1] & 0xff;
			return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
					|| (a == 100 && b >= 64 && b <= 127);
		}
		return (bytes[0] & 0xfe) == 0xfc;
	}

	private static boolean isDottedQuad(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| part.chars().anyMatch((c) -> c > '9') || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Java prints IPv6 addresses in full ({@code 0:0:0:0:0:0:0:1}); Go prints the RFC 5952 form
	 * ({@code ::1}).
	 */
	private static String compressIpv6(String full) {
		String[] groups = full.split(":");
		if (groups.length != 8) {
			return full;
		}
		int bestStart = -1;
		int bestLength = 0;
		for (int i = 0; i < 8;) {
			if (Integer.parseInt(groups[i], 16) == 0) {
				int j = i;
				while (j < 8 && Integer.parseInt(groups[j], 16) == 0) {
					j++;
				}
				if (j - i > bestLength && j - i >= 2) {
					bestStart = i;
					bestLength = j - i;
				}
				i = j;
			}
			else {
				i++;
			}
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append((i == 0) ? "::" : ":");
				i += bestLength - 1;
				if (i == 7) {
					break;
				}
				continue;
			}
			out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
			if (i < 7) {
				out.append(':');
			}
		}
		return out.toString();
	}

}
