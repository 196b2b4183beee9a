package org.nomadagent.agent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.nomadagent.config.AgentConfig;
import org.nomadagent.config.ConfigLayer;
import org.nomadagent.config.NomadConfigPropertySource;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Builds the Spring application of a running agent from its validated configuration. The agent
 * configuration becomes the highest-precedence property source ({@code nomad.*}), and the
 * framework settings it decides (the HTTP address and port, TLS, log levels) a second one, so that
 * an {@code application.yml} can tune the framework but never contradict the agent configuration.
 */
final class AgentContextFactory {

	/** The property source of the framework settings the agent configuration decides. */
	static final String RUNTIME_PROPERTIES = "nomadAgentRuntime";

	private AgentContextFactory() {
	}

	/**
	 * Creates and starts the application context.
	 * @param live the agent's configuration holder
	 * @param identity the agent's identity
	 * @return the started context
	 */
	static ConfigurableApplicationContext start(LiveAgentConfig live, AgentIdentity identity) {
		SpringApplication application = new SpringApplication(AgentApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// Signals are the agent's to handle (leave_on_interrupt, leave_on_terminate).
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(frameworkDefaults());
		application.addListeners(new EnvironmentPreparer(live, identity));
		if (AotDetector.useGeneratedArtifacts()) {
			// -Dspring.aot.enabled=true: the context generated at build time (AgentAotProcessing),
			// which skips the parsing of the configuration classes at every start.
			application.addInitializers(
					AotApplicationContextInitializer.forInitializerClasses(AgentAotProcessing.GENERATED_INITIALIZER));
		}
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("liveAgentConfig", live);
			context.getBeanFactory().registerSingleton("agentIdentity", identity);
		});
		BufferingApplicationStartup trace = Boolean.getBoolean(STARTUP_TRACE) ? new BufferingApplicationStartup(4096)
				: null;
		if (trace != null) {
			application.setApplicationStartup(trace);
		}
		ConfigurableApplicationContext context = application.run();
		if (trace != null) {
			StartupTrace.print(trace, System.err);
		}
		return context;
	}

	/**
	 * The system property that prints where the start-up time went (the slowest steps of the
	 * application context), for whoever works on start-up: {@code -Dnomad-agent.startup-trace=true}.
	 */
	static final String STARTUP_TRACE = "nomad-agent.startup-trace";

	/**
	 * Adds the agent's property sources as soon as the environment is prepared: after the
	 * {@code application.yml} files are read, and before logging is initialised, so that the log
	 * levels of the configuration apply from the first line.
	 */
	private record EnvironmentPreparer(LiveAgentConfig live,
			AgentIdentity identity) implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			ConfigurableEnvironment environment = event.getEnvironment();
			environment.getPropertySources().addFirst(NomadConfigPropertySource.of(this.live.current()));
			environment.getPropertySources()
				.addFirst(new MapPropertySource(RUNTIME_PROPERTIES, runtimeProperties(this.live.current(), this.identity)));
		}

		@Override
		public int getOrder() {
			// Between the config data processor (HIGHEST_PRECEDENCE + 10) and logging (+ 20).
			return Ordered.HIGHEST_PRECEDENCE + 15;
		}

	}

	/**
	 * The framework settings the agent needs whatever the user's {@code application.yml} says
	 * (the lowest-precedence source, so an {@code application.yml} can change them).
	 */
	static Map<String, Object> frameworkDefaults() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.application.name", "nomad-agent");
		properties.put("spring.jmx.enabled", "false");
		properties.put("spring.web.resources.add-mappings", "false");
		properties.put("spring.mvc.format.date-time", "iso");
		properties.put("server.shutdown", "graceful");
		properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
		properties.put("server.error.whitelabel.enabled", "false");
		properties.put("management.endpoints.web.exposure.include", "health,info,metrics,configprops");
		properties.put("management.endpoint.configprops.show-values", "never");
		properties.put("management.endpoint.health.probes.enabled", "true");
		properties.put("management.endpoint.health.probes.add-additional-paths", "false");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("management.endpoint.health.group.liveness.include", "livenessState");
		properties.put("management.endpoint.health.group.readiness.include", "readinessState");
		properties.put("management.info.env.enabled", "false");
		properties.put("logging.pattern.console",
				"    %d{yyyy/MM/dd HH:mm:ss.SSSSSS} [%replace(%level){'ERROR','ERR'}] %msg%n%wEx");
		return properties;
	}

	/**
	 * The framework settings the agent configuration decides.
	 */
	static Map<String, Object> runtimeProperties(AgentConfig config, AgentIdentity identity) {
		ConfigLayer layer = config.layer();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.address", identity.httpBind().host());
		properties.put("server.port", identity.httpBind().port());
		if (layer.bool("tls.http")) {
			properties.put("server.ssl.enabled", "true");
			properties.put("server.ssl.certificate", "file:" + layer.text("tls.cert_file"));
			properties.put("server.ssl.certificate-private-key", "file:" + layer.text("tls.key_file"));
			if (!layer.text("tls.ca_file").isEmpty()) {
				properties.put("server.ssl.trust-certificate", "file:" + layer.text("tls.ca_file"));
			}
			// Nomad asks for TLS 1.2 at least.
			properties.put("server.ssl.enabled-protocols", "TLSv1.2,TLSv1.3");
		}
		properties.putAll(AgentLogging.levelProperties(layer.text("log_level").toUpperCase(Locale.ROOT)));
		return properties;
	}

}
