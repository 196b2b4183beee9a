package org.nomadagent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nomadagent.config.ConfigFileReader.ConfigFileException;
import org.nomadagent.config.hcl.HclObject;
import org.nomadagent.config.hcl.HclParseException;
import org.nomadagent.config.hcl.HclParser;

/**
 * Loads the paths given with {@code -config}, as Nomad v0.5's {@code LoadConfig} and
 * {@code LoadConfigDir} do: a path is a file (any name, HCL or JSON decided by content) or a
 * directory, of which only the {@code *.hcl} and {@code *.json} files directly inside are read
 * (case-sensitive suffixes, editor temporary files skipped, no recursion), in byte order of their
 * names, each merged onto the previous one.
 *
 * <p>
 * Unlike Nomad, which stops at the first file that fails, every file of every path is read, so
 * that all mistakes can be reported together.
 */
public final class AgentConfigLoader {

	private final Path workingDirectory;

	/**
	 * Creates a loader that resolves relative paths against the given directory.
	 * @param workingDirectory the directory relative paths are resolved against
	 */
	public AgentConfigLoader(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Loads the given paths, in order, each onto the result of the previous ones.
	 * @param paths the {@code -config} paths as the user gave them
	 * @return the merged configuration of the paths, the failures, and the warnings
	 */
	public Result load(List<String> paths) {
		ConfigLayer.Builder merged = ConfigLayer.builder();
		List<Failure> failures = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (String path : paths) {
			if (!loadPath(path, merged, failures) && failures.stream().noneMatch((failure) -> failure.path().equals(path))) {
				warnings.add("No configuration loaded from " + path);
			}
		}
		return new Result(merged.build(), List.copyOf(failures), List.copyOf(warnings));
	}

	/**
	 * Loads one path into {@code merged}; returns whether it held anything (Nomad warns when a
	 * path holds no configuration at all).
	 */
	private boolean loadPath(String path, ConfigLayer.Builder merged, List<Failure> failures) {
		Path resolved = this.workingDirectory.resolve(path);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(resolved, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			String message = "stat " + path + ": " + ConfigFileReader.describe(ex);
			failures.add(new Failure(path, null, List.of(new ConfigProblem(null, message))));
			return false;
		}
		if (!attributes.isDirectory()) {
			AgentConfigMerger.mergeInto(merged, loadFile(path, clean(path), resolved, failures));
			return true;
		}
		boolean loaded = false;
		for (String name : eligibleNames(resolved, path, failures)) {
			String file = clean(path + "/" + name);
			ConfigLayer layer = loadFile(path, file, resolved.resolve(name), failures);
			loaded |= !layer.isEmpty();
			AgentConfigMerger.mergeInto(merged, layer);
		}
		return loaded;
	}

	private ConfigLayer loadFile(String path, String file, Path resolved, List<Failure> failures) {
		HclObject root;
		try {
			root = HclParser.parse(file, ConfigFileReader.read(resolved, file));
		}
		catch (ConfigFileException ex) {
			ConfigOrigin origin = (ex.position() != null) ? ConfigOrigin.of(ex.position()) : null;
			failures.add(new Failure(path, file, List.of(new ConfigProblem(origin, ex.getMessage()))));
			return ConfigLayer.EMPTY;
		}
		catch (HclParseException ex) {
			failures.add(new Failure(path, file,
					List.of(new ConfigProblem(ConfigOrigin.of(ex.position()), ex.reason()))));
			return ConfigLayer.EMPTY;
		}
		AgentConfigDecoder.Result decoded = AgentConfigDecoder.decode(root);
		if (!decoded.problems().isEmpty()) {
			failures.add(new Failure(path, file, decoded.problems()));
		}
		return decoded.layer().toBuilder().file(file).build();
	}

	private List<String> eligibleNames(Path directory, String path, List<Failure> failures) {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (!Files.isDirectory(entry) && isConfigFileName(name)) {
					names.add(name);
				}
			}
		}
		catch (IOException ex) {
			failures.add(new Failure(path, null,
					List.of(new ConfigProblem(null, "open " + path + ": " + ConfigFileReader.describe(ex)))));
		}
		// Go sorts the names as byte strings, so "B.hcl" comes before "a.hcl".
		names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
				b.getBytes(StandardCharsets.UTF_8)));
		return names;
	}

	/**
	 * Returns whether a directory entry is read: a name ending in {@code .hcl} or {@code .json}
	 * (case-sensitive), not an editor temporary file ({@code x~}, {@code .#x}, {@code #x#}).
	 * Other dot-files are read, as in Nomad.
	 * @param name the entry's name
	 * @return whether the entry is a configuration file
	 */
	static boolean isConfigFileName(String name) {
		boolean temporary = name.endsWith("~") || name.startsWith(".#")
				|| (name.startsWith("#") && name.endsWith("#"));
		return !temporary && (name.endsWith(".hcl") || name.endsWith(".json"));
	}

	/**
	 * Cleans a path lexically as Go's {@code filepath.Clean} does, keeping it relative when it
	 * is relative ({@code a/./b.hcl} becomes {@code a/b.hcl}).
	 */
	static String clean(String path) {
		String cleaned = Path.of(path).normalize().toString();
		return cleaned.isEmpty() ? "." : cleaned;
	}

	/**
	 * The outcome of loading every {@code -config} path.
	 *
	 * @param layer the merged configuration of every file that could be read (values that did
	 * not decode are left out)
	 * @param failures the files that could not be read or hold mistakes
	 * @param warnings warnings to show, such as {@code No configuration loaded from <path>}
	 */
	public record Result(ConfigLayer layer, List<Failure> failures, List<String> warnings) {

		/**
		 * Returns whether every path loaded without a mistake.
		 */
		public boolean succeeded() {
			return this.failures.isEmpty();
		}

	}

	/**
	 * The mistakes of one file, or of one path that could not be read at all.
	 *
	 * @param path the {@code -config} path as the user gave it
	 * @param file the file inside it, or {@code null} when the path itself could not be read
	 * @param problems the mistakes, in source order
	 */
	public record Failure(String path, String file, List<ConfigProblem> problems) {
	}

}
