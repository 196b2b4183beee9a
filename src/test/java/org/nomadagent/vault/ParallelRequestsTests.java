package org.nomadagent.vault;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ParallelRequests}.
 */
class ParallelRequestsTests {

	private final ParallelRequests parallel = ParallelRequests.onOwnThreads("test");

	@AfterEach
	void close() {
		this.parallel.close();
	}

	@Test
	void everyItemIsRequestedWithAtMostTheLimitInFlight() {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		CountDownLatch allStarted = new CountDownLatch(4);
		RuntimeException failure = this.parallel.run(items(10), 4, (item) -> {
			most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			allStarted.countDown();
			await(allStarted);
			inFlight.decrementAndGet();
			done.incrementAndGet();
		});
		assertThat(failure).isNull();
		assertThat(done).hasValue(10);
		assertThat(most).hasValue(4);
	}

	@Test
	void firstFailureStopsTheWorkersFromTakingMoreItems() {
		AtomicInteger requested = new AtomicInteger();
		RuntimeException failure = this.parallel.run(items(100), 1, (item) -> {
			requested.incrementAndGet();
			if (item == 3) {
				throw new IllegalStateException("boom " + item);
			}
		});
		assertThat(failure).hasMessage("boom 3");
		assertThat(requested).hasValue(4);
	}

	@Test
	void noItemsNeedNoWorkers() {
		assertThat(this.parallel.run(List.of(), 16, (item) -> {
			throw new IllegalStateException();
		})).isNull();
	}

	private static List<Integer> items(int count) {
		return IntStream.range(0, count).boxed().toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
