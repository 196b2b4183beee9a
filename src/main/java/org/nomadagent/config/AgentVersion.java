package org.nomadagent.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's version, as the API shows it in {@code Version}, {@code VersionPrerelease} and
 * {@code Revision}, and as {@code nomad-agent version} prints it. Read from the build's
 * {@code nomad-agent-version.properties}.
 *
 * @param version the release number, such as {@code 0.1.0}
 * @param prerelease the pre-release tag, such as {@code dev}, or {@code ""}
 * @param revision the source revision the build was made from, or {@code ""}
 */
public record AgentVersion(String version, String prerelease, String revision) {

	/** The Nomad version whose agent this one reproduces. */
	public static final String NOMAD_VERSION = "0.5.0";

	/**
	 * Returns the version of this build.
	 */
	public static AgentVersion current() {
		Properties properties = new Properties();
		try (InputStream in = AgentVersion.class.getResourceAsStream("/nomad-agent-version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// A build without the file reports an unknown version.
		}
		String full = properties.getProperty("version", "0.0.0-unknown");
		String revision = properties.getProperty("revision", "");
		if (revision.startsWith("@")) {
			revision = "";
		}
		int dash = full.indexOf('-');
		if (dash < 0) {
			return new AgentVersion(full, "", revision);
		}
		String prerelease = full.substring(dash + 1);
		return new AgentVersion(full.substring(0, dash), prerelease.equals("SNAPSHOT") ? "dev" : prerelease,
				revision);
	}

	/**
	 * Returns the version as Nomad prints it in its banner: the number and the pre-release tag
	 * without a dash ({@code 0.1.0dev}).
	 */
	public String build() {
		return this.version + this.prerelease;
	}

	/**
	 * Returns the version as {@code nomad-agent version} prints it.
	 */
	@Override
	public String toString() {
		String text = "v" + this.version + (this.prerelease.isEmpty() ? "" : "-" + this.prerelease);
		return this.revision.isEmpty() ? text : text + " (" + this.revision + ")";
	}

}
