package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host name gauges carry, read as Go's {@code os.Hostname()} reads it: the kernel's host name
 * on Linux, without a DNS lookup; elsewhere the JVM's local host name.
 */
final class LocalHostName {

	private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

	private LocalHostName() {
	}

	/**
	 * Returns the host name, or {@code ""} when it cannot be read (go-metrics then adds none).
	 */
	static String read() {
		try {
			if (Files.isReadable(KERNEL_HOSTNAME)) {
				return Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).trim();
			}
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
