package org.nomadagent.cli;

import java.util.List;

import org.nomadagent.config.AgentConfigLoader.Failure;
import org.nomadagent.config.AgentConfigReader.Outcome;
import org.nomadagent.config.ConfigOrigin;
import org.nomadagent.config.ConfigProblem;

/**
 * Prints the warnings and mistakes of a configuration. A file's mistakes follow one heading in
 * Nomad's words ({@code Error loading configuration from <path>: Error loading <file>: ...}),
 * one per line as {@code file:line:column: message}; every other problem is one line, positioned
 * when it comes from a file, {@code ==> message} otherwise.
 */
final class ConfigReport {

	private ConfigReport() {
	}

	/**
	 * Prints the warnings of an outcome, then its mistakes.
	 * @param outcome the outcome of reading the configuration
	 * @param console where to print
	 */
	static void print(Outcome outcome, Console console) {
		for (String warning : outcome.warnings()) {
			// Nomad prints its WARNING lines as errors (with the prefix) and the rest as warnings.
			if (warning.startsWith("WARNING:")) {
				console.error(warning);
			}
			else {
				console.errorLine(warning);
			}
		}
		outcome.loadFailures().forEach((failure) -> printFailure(failure, console));
		outcome.problems().forEach((problem) -> printProblem(problem, console));
	}

	private static void printFailure(Failure failure, Console console) {
		String path = "Error loading configuration from " + failure.path() + ": ";
		List<ConfigProblem> problems = failure.problems();
		if (failure.file() == null) {
			problems.forEach((problem) -> console.error(path + problem.message()));
			return;
		}
		String heading = path + "Error loading " + failure.file() + ": ";
		ConfigOrigin first = problems.get(0).origin();
		if (problems.size() == 1 && (first == null || !first.hasPosition())) {
			console.error(heading + problems.get(0).message());
			return;
		}
		console.error(heading + problems.size() + " error(s) occurred:");
		problems.forEach((problem) -> console.errorLine(problem.toString()));
	}

	private static void printProblem(ConfigProblem problem, Console console) {
		ConfigOrigin origin = problem.origin();
		if (origin != null && origin.hasPosition()) {
			console.errorLine(problem.toString());
		}
		else if (origin != null && origin != ConfigOrigin.DEFAULT && origin != ConfigOrigin.DEV_MODE) {
			console.error(problem.message() + " (" + origin.description() + ")");
		}
		else {
			console.error(problem.message());
		}
	}

}
