package org.nomadagent.agent;

import java.net.InetSocketAddress;
import java.util.Locale;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.nomadagent.config.AgentProperties;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's logging beyond the line format: {@code log_level} changes on reload, and syslog
 * with {@code enable_syslog}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentLoggingConfiguration.SyslogTarget.class)
class AgentLoggingConfiguration {

	@Bean
	LogLevelReloader logLevelReloader(LiveAgentConfig live, LoggingSystem loggingSystem) {
		return new LogLevelReloader(live, loggingSystem);
	}

	@Bean
	SyslogRegistration syslogRegistration(AgentProperties properties, SyslogTarget target, AgentIdentity identity) {
		return new SyslogRegistration(properties, target, identity);
	}

	/**
	 * Where syslog lines go. Nomad writes to the local syslog socket; the agent sends UDP to the
	 * local daemon.
	 *
	 * @param host Host of the syslog daemon's UDP input
	 * @param port Port of the syslog daemon's UDP input
	 */
	@ConfigurationProperties("nomad-agent.syslog")
	record SyslogTarget(@DefaultValue("127.0.0.1") String host, @DefaultValue("514") int port) {
	}

	/**
	 * Applies the log level of each reloaded configuration.
	 */
	static final class LogLevelReloader {

		LogLevelReloader(LiveAgentConfig live, LoggingSystem loggingSystem) {
			live.onReplace((config) -> AgentLogging.apply(loggingSystem,
					config.layer().text("log_level").toUpperCase(Locale.ROOT)));
		}

	}

	/**
	 * Attaches the syslog appender to the root logger when {@code enable_syslog} is set, and
	 * detaches it at shutdown.
	 */
	static final class SyslogRegistration implements DisposableBean {

		private final SyslogAppender appender;

		SyslogRegistration(AgentProperties properties, SyslogTarget target, AgentIdentity identity) {
			if (!properties.enableSyslog()) {
				this.appender = null;
				return;
			}
			this.appender = new SyslogAppender(properties.syslogFacility(),
					new InetSocketAddress(target.host(), target.port()), identity.nodeName());
			LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
			this.appender.setContext(context);
			this.appender.start();
			context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		}

		@Override
		public void destroy() {
			if (this.appender != null) {
				((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
					.detachAppender(this.appender);
				this.appender.stop();
			}
		}

	}

}
