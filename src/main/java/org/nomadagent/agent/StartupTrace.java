package org.nomadagent.agent;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Prints the slowest steps of the application context's start, for work on start-up time (see
 * {@link AgentContextFactory#STARTUP_TRACE}).
 */
final class StartupTrace {

	private StartupTrace() {
	}

	static void print(BufferingApplicationStartup trace, PrintStream out) {
		List<TimelineEvent> events = trace.getBufferedTimeline().getEvents();
		out.println("==> Start-up trace: the 25 slowest steps (nested steps count in their parents)");
		events.stream()
			.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
			.limit(25)
			.forEach((event) -> out.printf("%8d ms  %s %s%n", event.getDuration().toMillis(),
					event.getStartupStep().getName(), tags(event)));
		Duration total = events.stream().map(TimelineEvent::getDuration).max(Comparator.naturalOrder())
			.orElse(Duration.ZERO);
		out.println("    longest step: " + total.toMillis() + " ms");
	}

	private static String tags(TimelineEvent event) {
		StringBuilder tags = new StringBuilder();
		event.getStartupStep().getTags().forEach((tag) -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
		return tags.toString().trim();
	}

}
