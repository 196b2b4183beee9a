package org.nomadagent.config;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata the build generates from the properties records: every
 * property is described, booleans in Boot's voice ("Whether ..."), and every key of the agent
 * configuration schema has its property.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndBooleansStartWithWhether() throws Exception {
		for (JsonNode property : properties()) {
			String name = property.get("name").asString();
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().doesNotStartWith("The ").doesNotStartWith("A ");
			if (property.get("type").asString().matches("boolean|java.lang.Boolean")) {
				assertThat(description).as(name).startsWith("Whether");
			}
		}
	}

	@Test
	void everySchemaKeyHasAProperty() throws Exception {
		java.util.Set<String> names = new java.util.HashSet<>();
		properties().forEach((property) -> names.add(property.get("name").asString()));
		for (ConfigField field : AgentConfigSchema.fields()) {
			assertThat(names).as(field.path()).contains(field.propertyName());
		}
	}

	private static JsonNode properties() throws Exception {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			return JsonMapper.builder().build().readTree(in).get("properties");
		}
	}

}
