package org.nomadagent.config.hcl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Loading {@code .hcl} files as Spring property sources.
 */
class HclPropertySourceLoaderTests {

	private final HclPropertySourceLoader loader = new HclPropertySourceLoader();

	@Test
	void loaderHandlesTheHclExtension() {
		assertThat(this.loader.getFileExtensions()).containsExactly("hcl");
	}

	@Test
	void valuesCarryTheirFileLineAndColumn() throws Exception {
		List<PropertySource<?>> sources = this.loader.load("agent", new ClassPathResource("hcl-loader/application.hcl"));
		assertThat(sources).hasSize(1);
		PropertySource<?> source = sources.get(0);
		assertThat(source.getProperty("management.server.port")).isEqualTo(9090L);
		assertThat(source.getProperty("nomad.client.options[driver.raw_exec.enable]")).hasToString("1");
		Object port = ((java.util.Map<?, ?>) source.getSource()).get("management.server.port");
		assertThat(port).isInstanceOf(OriginTrackedValue.class);
		TextResourceOrigin origin = (TextResourceOrigin) ((OriginTrackedValue) port).getOrigin();
		assertThat(origin.getLocation().getLine()).isEqualTo(2);
		assertThat(origin.getLocation().getColumn()).isEqualTo(11);
		assertThat(origin).hasToString("class path resource [hcl-loader/application.hcl] - 3:12");
	}

	@Test
	void syntaxErrorNamesFileLineAndColumn() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.loader.load("broken", new ClassPathResource("hcl-loader/broken.hcl")))
			.withMessage("hcl-loader/broken.hcl:3:2: object expected closing RBRACE got: EOF");
	}

	@Test
	void applicationHclIsPickedUpBySpringBoot() {
		try (ConfigurableApplicationContext context = run("--spring.config.location=classpath:/hcl-loader/")) {
			Binder binder = Binder.get(context.getEnvironment());
			assertThat(binder.bind("management.server.port", Integer.class).get()).isEqualTo(9090);
			assertThat(binder.bind("nomad.client.servers", Bindable.listOf(String.class)).get())
				.containsExactly("a:4647", "b:4647");
			assertThat(binder.bind("nomad.client.options", Bindable.mapOf(String.class, String.class)).get())
				.containsEntry("driver.raw_exec.enable", "1");
		}
	}

	@Test
	void fileImportedWithSpringConfigImportIsLoaded(@TempDir Path directory) throws Exception {
		Path agent = Files.writeString(directory.resolve("agent.hcl"), "nomad { region = \"eu\" }\n");
		try (ConfigurableApplicationContext context = run("--spring.config.import=file:" + agent)) {
			assertThat(context.getEnvironment().getProperty("nomad.region")).isEqualTo("eu");
		}
	}

	@Test
	void syntaxErrorInAnImportedFileFailsStartupNamingThePlace(@TempDir Path directory) throws Exception {
		Path agent = Files.writeString(directory.resolve("agent.hcl"), "nomad {\n  region = eu\n}\n");
		assertThatException().isThrownBy(() -> run("--spring.config.import=file:" + agent))
			.withStackTraceContaining(agent + ":2:12: Unknown token: 2:12 IDENT eu");
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
