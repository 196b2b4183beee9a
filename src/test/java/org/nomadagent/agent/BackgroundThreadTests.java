package org.nomadagent.agent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link BackgroundThread}.
 */
class BackgroundThreadTests {

	@Test
	void runsScheduledWorkOnADaemonThreadOfItsName() throws InterruptedException {
		BackgroundThread thread = new BackgroundThread("test-loop");
		assertThat(thread.isRunning()).isFalse();
		thread.start();
		AtomicReference<Thread> ran = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(1);
		thread.schedule(() -> {
			ran.set(Thread.currentThread());
			done.countDown();
		}, Duration.ofMillis(10));
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ran.get().getName()).isEqualTo("test-loop");
		assertThat(ran.get().isDaemon()).isTrue();
		assertThat(thread.isRunning()).isTrue();
		thread.stop();
	}

	@Test
	void stopInterruptsTheWorkInProgressAndDropsLaterWork() throws InterruptedException {
		BackgroundThread thread = new BackgroundThread("test-loop");
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		thread.start().execute(() -> {
			started.countDown();
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		ScheduledExecutorService stopped = thread.stop();
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(stopped.isShutdown()).isTrue();
		assertThat(thread.isRunning()).isFalse();
		assertThat(thread.executor()).isNull();
		assertThatNoException().isThrownBy(() -> thread.schedule(() -> {
		}, Duration.ZERO));
		assertThat(thread.stop()).isNull();
	}

	@Test
	void workScheduledWhileTheExecutorShutsDownIsDroppedWithoutAnException() {
		BackgroundThread thread = new BackgroundThread("test-loop");
		thread.start().shutdown();
		assertThatNoException().isThrownBy(() -> thread.schedule(() -> {
		}, Duration.ZERO));
		thread.stop();
	}

}
