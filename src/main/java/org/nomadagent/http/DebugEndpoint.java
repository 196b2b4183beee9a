package org.nomadagent.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.servlet.http.HttpServletRequest;

import jdk.jfr.Recording;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JVM's counterparts of Nomad's Go {@code pprof} routes, served only when
 * {@code enable_debug} is set (and so in dev mode), without the custom response headers, as in
 * Nomad:
 * <ul>
 * <li>{@code /debug/pprof/} lists the profiles;</li>
 * <li>{@code /debug/pprof/goroutine} is a dump of every thread's stack;</li>
 * <li>{@code /debug/pprof/heap} is a histogram of the heap by class;</li>
 * <li>{@code /debug/pprof/profile?seconds=N} records a Java Flight Recorder CPU profile for N
 * seconds (default 30, at most 300) and returns the {@code .jfr} file;</li>
 * <li>{@code /debug/pprof/cmdline} is the JVM's command line, secrets redacted.</li>
 * </ul>
 */
@RestController
final class DebugEndpoint {

	private static final Set<String> SECRET_FLAGS = Set.of("-vault-token", "-atlas-token", "-encrypt");

	@RequestMapping("/debug/pprof/")
	ResponseEntity<byte[]> index() {
		String index = """
				/debug/pprof/

				profiles:
				goroutine  stack dumps of every live thread
				heap       histogram of the heap by class
				profile    a Java Flight Recorder CPU profile (?seconds=30)
				cmdline    the command line of the agent
				""";
		return text(index);
	}

	@RequestMapping("/debug/pprof/goroutine")
	ResponseEntity<byte[]> threads() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId()).append(' ')
				.append(thread.getThreadState()).append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
			dump.append('\n');
		}
		return text(dump.toString());
	}

	@RequestMapping("/debug/pprof/heap")
	ResponseEntity<byte[]> heap() throws Exception {
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
		Object histogram = server.invoke(diagnostics, "gcClassHistogram", new Object[] { new String[0] },
				new String[] { String[].class.getName() });
		return text(String.valueOf(histogram));
	}

	@RequestMapping("/debug/pprof/profile")
	ResponseEntity<byte[]> profile(HttpServletRequest request) throws IOException, InterruptedException {
		long seconds = 30;
		String requested = request.getParameter("seconds");
		if (requested != null && requested.matches("[0-9]{1,4}")) {
			seconds = Math.max(1, Math.min(300, Long.parseLong(requested)));
		}
		Path file = Files.createTempFile("nomad-agent-profile", ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
			recording.enable("jdk.ThreadPark");
			recording.start();
			Thread.sleep(Duration.ofSeconds(seconds).toMillis());
			recording.stop();
			recording.dump(file);
			byte[] bytes = Files.readAllBytes(file);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"profile.jfr\"")
				.body(bytes);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@RequestMapping("/debug/pprof/cmdline")
	ResponseEntity<byte[]> cmdline() {
		List<String> args = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
		String command = System.getProperty("sun.java.command", "");
		boolean redactNext = false;
		for (String arg : command.split(" ")) {
			if (redactNext) {
				args.add("<redacted>");
				redactNext = false;
				continue;
			}
			String name = arg.startsWith("--") ? arg.substring(1) : arg;
			int equals = name.indexOf('=');
			String flag = (equals < 0) ? name : name.substring(0, equals);
			if (SECRET_FLAGS.contains(flag)) {
				args.add((equals < 0) ? arg : arg.substring(0, arg.indexOf('=') + 1) + "<redacted>");
				redactNext = equals < 0;
			}
			else {
				args.add(arg);
			}
		}
		// Go's pprof separates the arguments with NUL bytes.
		return text(String.join("\u0000", args));
	}

	private static ResponseEntity<byte[]> text(String body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
