package org.nomadagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.nomadagent.config.hcl.GoStrconv;

/**
 * Parses {@code client.reserved.reserved_ports} as Nomad v0.5's {@code ParseReserved} does:
 * comma-separated ports and inclusive ranges ({@code "22,80,8000-8010"}), each part trimmed,
 * duplicates removed, the result sorted. There is no range check, as in Nomad.
 */
public final class ReservedPorts {

	private static final long MAX_RANGE = 65_535;

	private ReservedPorts() {
	}

	/**
	 * Parses the text.
	 * @param text the text; {@code ""} means no ports
	 * @return the ports, sorted, without duplicates
	 * @throws InvalidReservedPortsException worded as Nomad words it
	 */
	public static List<Long> parse(String text) throws InvalidReservedPortsException {
		TreeSet<Long> ports = new TreeSet<>();
		if (text.isEmpty()) {
			return List.of();
		}
		for (String raw : text.split(",", -1)) {
			String part = raw.strip();
			if (part.isEmpty()) {
				throw new InvalidReservedPortsException("can't specify empty port");
			}
			String[] range = part.split("-", -1);
			if (range.length == 1) {
				ports.add(atoi(range[0]));
			}
			else if (range.length == 2) {
				long start = atoi(range[0]);
				long end = atoi(range[1]);
				if (end < start) {
					// Nomad prints the two numbers the other way round; kept word for word.
					throw new InvalidReservedPortsException(
							"invalid range: starting value (" + end + ") less than ending (" + start + ") value");
				}
				if (end - start > MAX_RANGE) {
					// Nomad v0.5 expands any range, so "1-4000000000" exhausts its memory; a range
					// wider than the whole port space is refused instead (docs/compatibility.md).
					throw new InvalidReservedPortsException("invalid range: " + part + " spans more than "
							+ (MAX_RANGE + 1) + " ports");
				}
				for (long port = start; port <= end; port++) {
					ports.add(port);
				}
			}
			else {
				throw new InvalidReservedPortsException(
						"can only parse single port numbers or port ranges (ex. 80,100-120,150)");
			}
		}
		return new ArrayList<>(ports);
	}

	private static long atoi(String text) throws InvalidReservedPortsException {
		// Go's strconv.Atoi: decimal only, an optional sign.
		if (!text.matches("[+-]?[0-9]+")) {
			throw new InvalidReservedPortsException("strconv.Atoi: parsing " + GoStrconv.quote(text) + ": invalid syntax");
		}
		try {
			return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidReservedPortsException(
					"strconv.Atoi: parsing " + GoStrconv.quote(text) + ": value out of range");
		}
	}

	/**
	 * A {@code reserved_ports} value that does not parse.
	 */
	public static final class InvalidReservedPortsException extends Exception {

		InvalidReservedPortsException(String message) {
			super(message);
		}

	}

}
