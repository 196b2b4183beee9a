package org.nomadagent.config.hcl;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomadagent.config.hcl.HclTestInputs.errorAt;

/**
 * The nesting limit, which keeps any input from overflowing the stack.
 */
class HclNestingTests {

	private static final int LIMIT = HclParser.MAX_NESTING;

	@Test
	void nestingUpToTheLimitParsesAndDecodesOnTheDefaultThreadStack() throws Throwable {
		String blocks = "a {".repeat(LIMIT) + "}".repeat(LIMIT);
		String lists = "x = " + "[".repeat(LIMIT) + "]".repeat(LIMIT);
		String labels = "a" + " b".repeat(LIMIT - 1) + " {}";
		String json = "{\"a\": ".repeat(LIMIT) + "1" + "}".repeat(LIMIT);
		for (String input : new String[] { blocks, lists, labels, json }) {
			for (int round = 0; round < 50; round++) {
				runOnDefaultStack(() -> HclPropertyFlattener.flatten(HclDecoder.decodeTracked(HclTestInputs.parse(input))));
			}
		}
	}

	@Test
	void nestingBeyondTheLimitIsAnErrorAtTheOpeningToken() {
		String reason = "nesting too deep (more than " + LIMIT + " levels)";
		assertThat(errorAt("a {".repeat(LIMIT + 1))).isEqualTo("1:" + (3 * LIMIT + 3) + ": " + reason);
		assertThat(errorAt("x = " + "[".repeat(100_000))).isEqualTo("1:" + (4 + LIMIT + 1) + ": " + reason);
		// Labels count as levels: with the limit reached by labels, the block's brace is too deep.
		assertThat(errorAt("a" + " b".repeat(LIMIT) + " {}")).isEqualTo("1:" + (2 * LIMIT + 3) + ": " + reason);
		assertThat(errorAt("a" + " b".repeat(LIMIT + 1) + " {}")).isEqualTo("1:" + (2 * LIMIT + 3) + ": " + reason);
		assertThat(errorAt("{\"a\": ".repeat(100_000))).isEqualTo("1:" + (6 * LIMIT + 1) + ": " + reason);
		assertThat(errorAt("l = [{a = [{b = [" + "{c = [".repeat(LIMIT) + "]")).endsWith(reason);
	}

	/**
	 * Runs a task on a thread with the JVM's default stack size on 64-bit Linux (1 MB), which the
	 * deepest accepted document needs about 700 KB of once compiled.
	 */
	private static void runOnDefaultStack(ThrowingRunnable task) throws Throwable {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				task.run();
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, "default-stack", 1024 * 1024);
		thread.start();
		thread.join();
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
