package org.nomadagent.consul;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.nomadagent.config.hcl.GoStrconv;

/**
 * The order in which Nomad v0.5 searches Consul's datacenters for servers (reference §8.7, §8.8):
 * the local datacenter first (Consul lists it first), then, when there are more than two, the
 * others shuffled, up to a limit (25 for servers, 9 for clients).
 */
final class ConsulDatacenters {

	/** How many datacenters a server searches. */
	static final int SERVER_LIMIT = 25;

	/** How many datacenters a client searches. */
	static final int CLIENT_LIMIT = 9;

	private ConsulDatacenters() {
	}

	/**
	 * Orders datacenters for a search.
	 * @param datacenters the datacenters as Consul lists them
	 * @param limit the most to search
	 * @param random the source of the shuffle
	 * @return the datacenters to search, in order
	 */
	static List<String> searchOrder(List<String> datacenters, int limit, Random random) {
		List<String> ordered = new ArrayList<>(datacenters);
		if (ordered.size() > 2) {
			Collections.shuffle(ordered.subList(1, ordered.size()), random);
			return List.copyOf(ordered.subList(0, Math.min(ordered.size(), limit)));
		}
		return List.copyOf(ordered);
	}

	/**
	 * Formats datacenters as Go's {@code %q} formats a list of strings: {@code ["dc1" "dc2"]}.
	 * @param datacenters the datacenters
	 * @return the text
	 */
	static String quoted(List<String> datacenters) {
		return datacenters.stream().map(GoStrconv::quote).collect(Collectors.joining(" ", "[", "]"));
	}

}
