package org.nomadagent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems and warnings of one validation pass.
 */
final class Validation {

	private final ConfigLayer config;

	private final List<ConfigProblem> problems = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	Validation(ConfigLayer config) {
		this.config = config;
	}

	ConfigLayer config() {
		return this.config;
	}

	/**
	 * Records a problem with the value of {@code path}, at that value's origin.
	 */
	void reject(String path, String message) {
		ConfigOrigin origin = (path != null) ? this.config.origin(path).orElse(null) : null;
		ConfigProblem problem = new ConfigProblem(origin, message);
		if (!this.problems.contains(problem)) {
			this.problems.add(problem);
		}
	}

	void warn(String message) {
		this.warnings.add(message);
	}

	List<ConfigProblem> problems() {
		return List.copyOf(this.problems);
	}

	List<String> warnings() {
		return List.copyOf(this.warnings);
	}

}
