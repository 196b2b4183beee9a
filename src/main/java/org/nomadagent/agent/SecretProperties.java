package org.nomadagent.agent;

import java.util.List;
import java.util.Locale;

import org.nomadagent.config.AgentConfigSchema;
import org.nomadagent.config.ConfigField;
import org.nomadagent.config.ConfigField.Exposure;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * The agent configuration's secrets as Spring properties: every key the API redacts or hides
 * (Consul token and auth, Vault token, Circonus API token, Atlas token, gossip key). Their values
 * never appear in {@code /actuator/configprops}, even when it is set to show values.
 */
final class SecretProperties {

	private static final List<String> NAMES = AgentConfigSchema.fields()
		.stream()
		.filter((field) -> field.exposure() != Exposure.SHOWN)
		.map(ConfigField::propertyName)
		.map(SecretProperties::canonical)
		.toList();

	private SecretProperties() {
	}

	/**
	 * Returns a sanitizer that masks the secret properties: the inputs (the property itself) and
	 * the bound values (a {@code Secret} is shown as {@code <property>.value}).
	 */
	static SanitizingFunction sanitizer() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(SecretProperties::isSecret);
	}

	static boolean isSecret(String key) {
		// Configprops names bound values after the record components (circonusApiToken) and
		// inputs after the properties (circonus-api-token): compare without dashes and case.
		String canonical = canonical(key);
		for (String name : NAMES) {
			if (canonical.equals(name) || canonical.startsWith(name + ".")) {
				return true;
			}
		}
		return false;
	}

	private static String canonical(String name) {
		return name.replace("-", "").toLowerCase(Locale.ROOT);
	}

}
