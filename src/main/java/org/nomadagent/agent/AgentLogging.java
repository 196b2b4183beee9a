package org.nomadagent.agent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Maps Nomad's log levels ({@code TRACE DEBUG INFO WARN ERR}) onto the logging system. The
 * agent's own loggers follow {@code log_level}; the framework's stay at WARN (at DEBUG and TRACE
 * they would drown the agent's lines). The line format is Nomad's:
 * {@code     2016/11/01 12:00:00.123456 [INFO] agent: message}.
 */
final class AgentLogging {

	private AgentLogging() {
	}

	/**
	 * Returns the logging properties for a Nomad log level.
	 * @param nomadLevel the level, upper case
	 * @return the properties
	 */
	static Map<String, Object> levelProperties(String nomadLevel) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.nomadagent", toLogLevel(nomadLevel).name());
		// Start-up failures are reported in one line by the agent, not by the framework.
		properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
		properties.put("logging.level.org.springframework.boot.diagnostics", "OFF");
		// The context's "Exception encountered during context initialization" warning too.
		properties.put("logging.level.org.springframework.boot.web.server.servlet.context."
				+ "AnnotationConfigServletWebServerApplicationContext", "ERROR");
		properties.put("logging.level.org.apache.catalina.core.StandardService", "OFF");
		properties.put("logging.level.org.apache.coyote", "OFF");
		properties.put("logging.level.org.apache.catalina.util.LifecycleBase", "OFF");
		// Go's multiplexer logs nothing for an unknown path.
		properties.put("logging.level.org.springframework.web.servlet.PageNotFound", "ERROR");
		return properties;
	}

	/**
	 * Applies a new Nomad log level to the agent's loggers (SIGHUP).
	 * @param loggingSystem the logging system
	 * @param nomadLevel the level, upper case
	 */
	static void apply(LoggingSystem loggingSystem, String nomadLevel) {
		loggingSystem.setLogLevel("org.nomadagent", toLogLevel(nomadLevel));
	}

	static LogLevel toLogLevel(String nomadLevel) {
		return switch (nomadLevel) {
			case "TRACE" -> LogLevel.TRACE;
			case "DEBUG" -> LogLevel.DEBUG;
			case "WARN" -> LogLevel.WARN;
			case "ERR" -> LogLevel.ERROR;
			default -> LogLevel.INFO;
		};
	}

}
