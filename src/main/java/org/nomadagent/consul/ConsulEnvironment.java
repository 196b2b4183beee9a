package org.nomadagent.consul;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the Consul client takes from the process it runs in: the environment variables that fill
 * gaps in the {@code consul} block ({@code CONSUL_HTTP_ADDR}, {@code CONSUL_HTTP_TOKEN},
 * {@code CONSUL_HTTP_AUTH}, {@code CONSUL_HTTP_SSL}, {@code CONSUL_HTTP_SSL_VERIFY}) and the
 * directory relative TLS file names are resolved against. A bean of its own so that tests can
 * give other values than the process's.
 *
 * @param variables the environment variables
 * @param workingDirectory the directory relative file names are resolved against
 */
public record ConsulEnvironment(Map<String, String> variables, Path workingDirectory) {

	public ConsulEnvironment {
		variables = Map.copyOf(variables);
	}

	/**
	 * Returns the environment of this process: its variables and its current directory.
	 */
	public static ConsulEnvironment current() {
		return new ConsulEnvironment(System.getenv(), Path.of("").toAbsolutePath());
	}

	/**
	 * Returns a variable's value, or {@code ""} when it is not set.
	 * @param name the variable's name
	 * @return the value
	 */
	String variable(String name) {
		String value = this.variables.get(name);
		return (value != null) ? value : "";
	}

	@Override
	public String toString() {
		// The variables may hold a token; only the directory is shown.
		return "ConsulEnvironment[workingDirectory=" + this.workingDirectory + "]";
	}

}
