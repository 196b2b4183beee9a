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
		int compute = 1000 + this.random.nextInt(9000);
		String servers = servers(n);
		String meta = "key_0 = \"value-%1$d-%2$d\"\n    key_1 = \"value-%1$d-%3$d\"\n    key_2 = \"value-%1$d-%4$d\"\n"
			.formatted(n, this.random.nextInt(100000), this.random.nextInt(100000), this.random.nextInt(100000));
		int delay = 1 + this.random.nextInt(9);
		this.hcl.append("""
				/* client block %1$d */
				client {
				  enabled    = true
				  node_class = "class-%2$d"
				  cpu_total_compute = %3$d
				  gc_disk_usage_threshold = %4$d.%5$d
				  reserved_ports = 0x%6$s  // hex on purpose
				  servers = [%7$s,]
				  meta {
				    %8$s    "rack.zone" = "r%9$d\\tz\\u00e9"
				  }
				  options {
				    "driver.raw_exec.enable" = "1"
				    "docker.auth.config" = "/root/.docker/config.json"
				  }
				  host_volume "data-%1$d" {
				    path      = "/srv/data/%1$d"
				    read_only = false
				  }
				  template = <<-EOT
				    {{ with secret "kv/app-%1$d" }}
				      token = ${vault.token}
				    {{ end }}
				    EOT
				}

				plugin "docker" {
				  config {
				    volumes { enabled = true }
				    gc { image_delay = "%10$dm", container = true }
				    extra_labels = ["job_name", "task_group_name"]
				  }
				}

				""".formatted(n, n % 7, compute, 70 + this.random.nextInt(20), this.random.nextInt(10),
				Integer.toHexString(22 + n % 100), servers, meta, n % 42, delay));
		String jsonMeta = meta.strip().replace(" = ", "\": ").replace("\n    ", ", \"");
		this.json.append("""
				    {"enabled": true, "node_class": "class-%2$d", "servers": [%3$s],
				     "meta": {"%4$s, "rack.zone": "r%5$d\\tz\\u00e9"},
				     "options": {"driver.raw_exec.enable": "1", "docker.auth.config": "/root/.docker/config.json"},
				     "host_volume": {"data-%1$d": {"path": "/srv/data/%1$d", "read_only": false}},
				     "template": "{{ with secret \\"kv/app-%1$d\\" }}\\n  token = ${vault.token}\\n{{ end }}\\n",
				     "plugin": {"docker": {"config": {"volumes": {"enabled": true},
				       "gc": {"image_delay": "%6$dm", "container": true}, "extra_labels": ["job_name", "task_group_name"]}}},
				     "cpu_total_compute": %7$d, "ratio": 1.5e-3}""".formatted(n, n % 7, servers, jsonMeta, n % 42, delay,
				compute));
	}

	private String servers(int n) {
		StringBuilder servers = new StringBuilder();
		int count = 1 + this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			servers.append((i == 0) ? "" : ", ")
				.append("\"10.%d.%d.%d:4647\"".formatted(n % 250, i, 1 + this.random.nextInt(250)));
		}
		return servers.toString();
	}

}
