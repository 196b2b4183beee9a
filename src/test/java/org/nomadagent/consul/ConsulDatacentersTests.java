package org.nomadagent.consul;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsulDatacenters}.
 */
class ConsulDatacentersTests {

	@Test
	void oneOrTwoDatacentersKeepConsulsOrder() {
		assertThat(ConsulDatacenters.searchOrder(List.of("dc1"), 9, new Random(1))).containsExactly("dc1");
		assertThat(ConsulDatacenters.searchOrder(List.of("dc1", "dc2"), 1, new Random(1)))
			.containsExactly("dc1", "dc2");
	}

	@Test
	void moreDatacentersKeepTheLocalOneFirstAndShuffleTheRest() {
		List<String> datacenters = List.of("local", "a", "b", "c", "d", "e");
		Set<List<String>> orders = new HashSet<>();
		Random random = new Random(7);
		for (int i = 0; i < 50; i++) {
			List<String> order = ConsulDatacenters.searchOrder(datacenters, 9, random);
			assertThat(order.get(0)).isEqualTo("local");
			assertThat(order).containsExactlyInAnyOrderElementsOf(datacenters);
			orders.add(order);
		}
		assertThat(orders).hasSizeGreaterThan(1);
	}

	@Test
	void searchIsCappedAtTheLimit() {
		List<String> datacenters = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			datacenters.add("dc" + i);
		}
		assertThat(ConsulDatacenters.searchOrder(datacenters, ConsulDatacenters.CLIENT_LIMIT, new Random(3)))
			.hasSize(9)
			.startsWith("dc0");
		assertThat(ConsulDatacenters.searchOrder(datacenters, ConsulDatacenters.SERVER_LIMIT, new Random(3)))
			.hasSize(25);
	}

	@Test
	void quotedListsAreWrittenAsGoWritesThem() {
		assertThat(ConsulDatacenters.quoted(List.of("dc1"))).isEqualTo("[\"dc1\"]");
		assertThat(ConsulDatacenters.quoted(List.of("dc1", "dc \"2\""))).isEqualTo("[\"dc1\" \"dc \\\"2\\\"\"]");
	}

}
