package org.nomadagent.config.hcl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedResource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Loads {@code .hcl} files (HCL v1, or JSON by content, as Nomad reads them) as Spring property
 * sources, so that {@code application.hcl} or {@code spring.config.import=file:agent.hcl} work.
 * The document is decoded as HCL v1 decodes it and flattened by {@link HclPropertyFlattener};
 * every value carries its file, line and column, so binding errors name the place. A syntax or
 * decode error fails the load with a message of the form {@code file:line:column: reason}.
 */
public class HclPropertySourceLoader implements PropertySourceLoader {

	@Override
	public String[] getFileExtensions() {
		return new String[] { "hcl" };
	}

	@Override
	public List<PropertySource<?>> load(String name, Resource resource) throws IOException {
		byte[] content;
		try (InputStream in = resource.getInputStream()) {
			content = in.readAllBytes();
		}
		Map<String, TrackedValue> flat;
		try {
			flat = HclPropertyFlattener.flatten(HclDecoder.decodeTracked(HclParser.parse(sourceName(resource), content)));
		}
		catch (HclException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		if (flat.isEmpty()) {
			return Collections.emptyList();
		}
		Map<String, Object> properties = new LinkedHashMap<>(flat.size() * 2);
		flat.forEach((key, value) -> {
			Position position = value.position();
			TextResourceOrigin origin = new TextResourceOrigin(resource,
					new TextResourceOrigin.Location(position.line() - 1, position.column() - 1));
			properties.put(key, OriginTrackedValue.of(value.value(), origin));
		});
		return List.of(new OriginTrackedMapPropertySource(name, Collections.unmodifiableMap(properties), true));
	}

	/**
	 * Names the resource as the user would: the classpath path or the file path as given.
	 */
	private static String sourceName(Resource resource) {
		Resource actual = (resource instanceof OriginTrackedResource tracked) ? tracked.getResource() : resource;
		if (actual instanceof ClassPathResource classPath) {
			return classPath.getPath();
		}
		if (actual instanceof FileSystemResource file) {
			return file.getPath();
		}
		if (actual.isFile()) {
			try {
				return actual.getFile().getPath();
			}
			catch (IOException ex) {
				// Fall back to the description below.
			}
		}
		String filename = actual.getFilename();
		return (filename != null) ? filename : actual.getDescription();
	}

}
