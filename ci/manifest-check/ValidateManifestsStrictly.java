import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.kubernetes.client.openapi.JSON;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads rendered Kubernetes manifests into the official Kubernetes Java client's API models,
 * which reject a field the API does not define (a misspelt {@code initialDelaySecondz}), a
 * missing required field and a value of the wrong type, as the API server's strict field
 * validation does. Run as a single-file program with the classpath of the pom.xml beside it:
 *
 * <pre>java -cp "$(cat classpath)" ValidateManifestsStrictly.java rendered.yaml...</pre>
 *
 * Prints one line per document and exits 1 if any is rejected.
 */
public class ValidateManifestsStrictly {

	private static final String MODELS = "io.kubernetes.client.openapi.models.";

	public static void main(String[] args) throws IOException {
		LoaderOptions options = new LoaderOptions();
		// A key given twice in one mapping is an error, as it is for the API server.
		options.setAllowDuplicateKeys(false);
		JSON json = new JSON();
		int valid = 0;
		int invalid = 0;
		for (String file : args) {
			try (Reader reader = Files.newBufferedReader(Path.of(file))) {
				for (Object document : new Yaml(options).loadAll(reader)) {
					if (document == null) {
						continue;
					}
					Map<?, ?> manifest = (Map<?, ?>) document;
					String name = manifest.get("kind") + "/" + ((Map<?, ?>) manifest.get("metadata")).get("name");
					try {
						json.deserialize(json.serialize(manifest), modelOf(manifest));
						valid++;
						System.out.println("ok   " + name);
					}
					catch (RuntimeException ex) {
						invalid++;
						System.out.println("FAIL " + name + ": " + ex.getMessage());
					}
				}
			}
		}
		System.out.println(valid + " valid, " + invalid + " invalid");
		System.exit(invalid > 0 ? 1 : 0);
	}

	/**
	 * The model class of a manifest: {@code apps/v1 StatefulSet} is {@code V1StatefulSet}.
	 */
	private static Class<?> modelOf(Map<?, ?> manifest) {
		String apiVersion = String.valueOf(manifest.get("apiVersion"));
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		String className = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + manifest.get("kind");
		try {
			return Class.forName(className);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalArgumentException("no model for " + apiVersion + " " + manifest.get("kind"));
		}
	}

}
