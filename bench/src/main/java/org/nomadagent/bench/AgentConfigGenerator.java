package org.nomadagent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large agent configuration, about 1 MB, as HCL and as the equivalent JSON: many client
 * blocks with metadata, driver options, labelled host volumes and plugin blocks, server lists,
 * comments, heredoc templates, and the number forms HCL knows. The content is fixed by a seed,
 * so runs compare.
 */
public final class AgentConfigGenerator {

	private final Random random = new Random(20161101);

	private final StringBuilder hcl = new StringBuilder();

	private final StringBuilder json = new StringBuilder();

	private AgentConfigGenerator() {
	}

	/**
	 * Writes {@code agent.hcl} and {@code agent.json} into the given directory.
	 * @param args the directory, and optionally the target size in bytes
	 * @throws IOException if the files cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		int target = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000_000;
		AgentConfigGenerator generator = new AgentConfigGenerator();
		generator.generate(target);
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("agent.hcl"), generator.hcl, StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("agent.json"), generator.json, StandardCharsets.UTF_8);
	}

	private void generate(int target) {
		this.hcl.append("# Generated agent configuration for the parse benchmark.\n");
		this.hcl.append("region = \"global\"\ndatacenter = \"dc1\"\ndata_dir = \"/var/lib/nomad\"\n");
		this.hcl.append("bind_addr = \"0.0.0.0\"\nlog_level = \"INFO\"\nenable_debug = false\n\n");
		this.json.append("{\n  \"region\": \"global\", \"datacenter\": \"dc1\", \"data_dir\": \"/var/lib/nomad\",\n");
		this.json.append("  \"bind_addr\": \"0.0.0.0\", \"log_level\": \"INFO\", \"enable_debug\": false,\n");
		this.json.append("  \"client\": [\n");
		int n = 0;
		while (this.hcl.length() < target) {
			if (n > 0) {
				this.json.append(",\n");
			}
			client(n++);
		}
		this.json.append("\n  ]\n}\n");
	}

	private void client(int n) {
		int servers = 1 + this.random.nextInt(4);
		this.hcl.append("/* client block ").append(n).append(" */\nclient {\n");
		this.hcl.append("  enabled    = true\n  node_class = \"class-").append(n % 7).append("\"\n");
		this.hcl.append("  cpu_total_compute = ").append(1000 + this.random.nextInt(9000)).append('\n');
		this.hcl.append("  gc_disk_usage_threshold = ").append(70 + this.random.nextInt(20)).append('.').append(this.random.nextInt(10)).append('\n');
		this.hcl.append("  reserved_ports = 0x").append(Integer.toHexString(22 + n % 100)).append("  // hex on purpose\n");
		this.hcl.append("  servers = [");
		this.json.append("    {\"enabled\": true, \"node_class\": \"class-").append(n % 7).append("\", \"servers\": [");
		for (int i = 0; i < servers; i++) {
			String server = "\"10." + (n % 250) + "." + i + "." + (1 + this.random.nextInt(250)) + ":4647\"";
			this.hcl.append((i == 0) ? "" : ", ").append(server);
			this.json.append((i == 0) ? "" : ", ").append(server);
		}
		this.hcl.append(",]\n  meta {\n");
		this.json.append("],\n     \"meta\": {");
		for (int i = 0; i < 4; i++) {
			String key = "key_" + i;
			String value = "value-" + n + "-" + this.random.nextInt(100000);
			this.hcl.append("    ").append(key).append(" = \"").append(value).append("\"\n");
			this.json.append((i == 0) ? "" : ", ").append('"').append(key).append("\": \"").append(value).append('"');
		}
		this.hcl.append("    \"rack.zone\" = \"r").append(n % 42).append("\\tz\\u00e9\"\n  }\n");
		this.json.append(", \"rack.zone\": \"r").append(n % 42).append("\\tz\\u00e9\"},\n");
		this.hcl.append("  options {\n    \"driver.raw_exec.enable\" = \"1\"\n    \"docker.auth.config\" = \"/root/.docker/config.json\"\n  }\n");
		this.json.append("     \"options\": {\"driver.raw_exec.enable\": \"1\", \"docker.auth.config\": \"/root/.docker/config.json\"},\n");
		this.hcl.append("  host_volume \"data-").append(n).append("\" {\n    path      = \"/srv/data/").append(n)
			.append("\"\n    read_only = false\n  }\n");
		this.json.append("     \"host_volume\": {\"data-").append(n).append("\": {\"path\": \"/srv/data/").append(n)
			.append("\", \"read_only\": false}},\n");
		this.hcl.append("  template = <<-EOT\n    {{ with secret \"kv/app-").append(n).append("\" }}\n      token = ${vault.token}\n    {{ end }}\n    EOT\n}\n\n");
		this.json.append("     \"template\": \"{{ with secret \\\"kv/app-").append(n).append("\\\" }}\\n  token = ${vault.token}\\n{{ end }}\\n\",\n");
		this.hcl.append("plugin \"docker\" {\n  config {\n    volumes { enabled = true }\n    gc { image_delay = \"")
			.append(1 + this.random.nextInt(9)).append("m\", container = true }\n    extra_labels = [\"job_name\", \"task_group_name\"]\n  }\n}\n\n");
		this.json.append("     \"plugin\": {\"docker\": {\"config\": {\"volumes\": {\"enabled\": true}, \"gc\": {\"image_delay\": \"")
			.append(1 + this.random.nextInt(9)).append("m\", \"container\": true}, \"extra_labels\": [\"job_name\", \"task_group_name\"]}}},\n");
		this.json.append("     \"cpu_total_compute\": ").append(1000 + this.random.nextInt(9000)).append(", \"ratio\": 1.5e-3}");
	}

}
