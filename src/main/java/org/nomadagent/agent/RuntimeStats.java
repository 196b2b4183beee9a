package org.nomadagent.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code runtime} section of the agent's stats, from the JVM: Nomad shows Go's runtime
 * (kernel name, architecture, Go version, GOMAXPROCS, goroutines, CPUs); the JVM's counterparts
 * are the same kernel and architecture names, the Java version, the available processors, and
 * the live threads.
 */
public final class RuntimeStats implements AgentStatsContributor {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Override
	public String section() {
		return "runtime";
	}

	@Override
	public Map<String, String> stats() {
		Map<String, String> stats = new LinkedHashMap<>();
		int cpus = Runtime.getRuntime().availableProcessors();
		stats.put("arch", arch());
		stats.put("cpu_count", Integer.toString(cpus));
		stats.put("goroutines", Integer.toString(THREADS.getThreadCount()));
		stats.put("kernel.name", System.getProperty("os.name", "").toLowerCase(Locale.ROOT));
		stats.put("max_procs", Integer.toString(cpus));
		stats.put("version", "java" + Runtime.version());
		return stats;
	}

	/**
	 * Returns the architecture as Go names it ({@code amd64}, {@code arm64}).
	 */
	static String arch() {
		String arch = System.getProperty("os.arch", "");
		return switch (arch) {
			case "x86_64" -> "amd64";
			case "aarch64" -> "arm64";
			case "x86", "i386", "i686" -> "386";
			default -> arch;
		};
	}

}
