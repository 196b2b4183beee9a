package org.nomadagent.vault;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one Vault request per item with a bounded number of workers, as Nomad does with an
 * {@code errgroup}: at most {@code limit} requests in flight (16 for derivation, 64 for
 * revocation); the first failure stops the workers from taking more items, and is returned.
 */
final class ParallelRequests implements AutoCloseable {

	private final ExecutorService executor;

	/**
	 * Creates a runner on threads of its own, made as needed and named after the given prefix.
	 * @param name the threads' name prefix
	 * @return the runner; close it to stop its threads
	 */
	static ParallelRequests onOwnThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return new ParallelRequests(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}));
	}

	/**
	 * Creates the runner.
	 * @param executor the threads the workers run on; it must not bound the number of threads
	 * below the largest limit, or workers would wait for each other
	 */
	ParallelRequests(ExecutorService executor) {
		this.executor = executor;
	}

	/**
	 * Runs the requests and waits for the workers.
	 * @param items the items, one request each
	 * @param limit the largest number of requests in flight
	 * @param request the request for one item; it fails by throwing
	 * @return the first failure, or {@code null} when every request succeeded
	 */
	<T> RuntimeException run(List<T> items, int limit, Consumer<T> request) {
		if (items.isEmpty()) {
			return null;
		}
		int workers = Math.min(items.size(), limit);
		AtomicInteger next = new AtomicInteger();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(workers);
		for (int i = 0; i < workers; i++) {
			this.executor.execute(() -> {
				try {
					int index;
					while (failure.get() == null && (index = next.getAndIncrement()) < items.size()) {
						try {
							request.accept(items.get(index));
						}
						catch (RuntimeException ex) {
							failure.compareAndSet(null, ex);
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.compareAndSet(null, new VaultOperationException("interrupted while waiting for Vault", true));
		}
		return failure.get();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
