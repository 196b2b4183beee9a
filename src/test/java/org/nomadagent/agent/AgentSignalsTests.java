package org.nomadagent.agent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.nomadagent.cli.Console;
import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.nomadagent.config.AgentDefaults;
import org.nomadagent.config.ConfigLayer;
import org.nomadagent.config.ConfigOrigin;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentSignals}: what each signal does (reference §12.4-12.6), with signals
 * given through the queue the process's signal handlers feed.
 */
class AgentSignalsTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final BlockingQueue<String> signals = new LinkedBlockingQueue<>();

	private final AtomicInteger leaves = new AtomicInteger();

	private final GenericApplicationContext context = new GenericApplicationContext();

	private AgentLeave leave = this.leaves::incrementAndGet;

	@Test
	void terminateWithLeaveOnTerminateLeavesAndExitsZero() {
		this.signals.add("TERM");
		assertThat(run(config("leave_on_terminate"), 5_000)).isZero();
		assertThat(this.leaves).hasValue(1);
		assertThat(this.context.isActive()).isFalse();
		assertThat(out()).contains("==> Caught signal: terminated\n==> Gracefully shutting down agent...\n");
	}

	@Test
	void interruptWithLeaveOnInterruptLeavesAndExitsZero() {
		this.signals.add("INT");
		assertThat(run(config("leave_on_interrupt"), 5_000)).isZero();
		assertThat(this.leaves).hasValue(1);
	}

	@Test
	void interruptWithoutLeaveOnInterruptExitsOneAtOnceAndShutsDown() {
		this.signals.add("INT");
		assertThat(run(config("leave_on_terminate"), 5_000)).isEqualTo(1);
		assertThat(this.leaves).hasValue(0);
		assertThat(this.context.isActive()).isFalse();
		assertThat(out()).doesNotContain("Gracefully");
	}

	@Test
	void secondSignalDuringTheLeaveExitsOne() {
		CountDownLatch release = new CountDownLatch(1);
		this.leave = () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		this.signals.add("TERM");
		this.signals.add("INT");
		assertThat(run(config("leave_on_terminate"), 5_000)).isEqualTo(1);
		release.countDown();
		assertThat(out()).contains("==> Caught signal: interrupt");
	}

	@Test
	void leaveThatTakesTooLongExitsOne() {
		this.leave = () -> {
			try {
				Thread.sleep(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		this.signals.add("TERM");
		assertThat(run(config("leave_on_terminate"), 200)).isEqualTo(1);
	}

	@Test
	void hangupReloadsTheConfigurationAndKeepsRunning() {
		AgentConfig reloaded = config("leave_on_interrupt");
		LiveAgentConfig live = new LiveAgentConfig(config());
		this.signals.add("HUP");
		this.signals.add("INT");
		int code = new AgentSignals(context(), live,
				() -> new Outcome(reloaded, List.of(), List.of(), List.of()), console(), this.signals, 5_000)
			.awaitShutdown();
		assertThat(live.current()).isSameAs(reloaded);
		// The reloaded leave_on_interrupt applies to the next signal.
		assertThat(code).isZero();
		assertThat(out()).contains("==> Caught signal: hangup\n==> Reloading configuration...\n");
	}

	@Test
	void failedReloadKeepsTheRunningConfiguration() {
		AgentConfig running = config();
		LiveAgentConfig live = new LiveAgentConfig(running);
		this.signals.add("HUP");
		this.signals.add("TERM");
		new AgentSignals(context(), live, () -> new Outcome(null, List.of(), List.of(), List.of()), console(),
				this.signals, 5_000)
			.awaitShutdown();
		assertThat(live.current()).isSameAs(running);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("==> Failed to reload configs");
	}

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(AgentConfig config, long leaveTimeout) {
		return new AgentSignals(context(), new LiveAgentConfig(config), () -> null, console(), this.signals,
				leaveTimeout)
			.awaitShutdown();
	}

	private GenericApplicationContext context() {
		if (!this.context.isActive()) {
			this.context.registerBean(AgentLifecycle.class,
					() -> new AgentLifecycle(this.context, () -> List.of(() -> this.leave.leave())));
			this.context.refresh();
		}
		return this.context;
	}

	private Console console() {
		return new Console(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private static AgentConfig config(String... trueKeys) {
		ConfigLayer.Builder layer = AgentDefaults.defaults().toBuilder();
		for (String key : trueKeys) {
			layer.set(key, true, ConfigOrigin.DEFAULT);
		}
		return new AgentConfig(layer.build(), false);
	}

}
