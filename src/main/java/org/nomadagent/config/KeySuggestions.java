package org.nomadagent.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Words the hint that follows an "invalid key" error: the valid key the user most likely meant,
 * or, for keys that later Nomad versions added, that the v0.5 agent does not know them.
 */
final class KeySuggestions {

	/**
	 * Keys that Nomad versions after 0.5 accept, by block path. Configurations written for a later
	 * Nomad often hold them; saying so saves the user a search.
	 */
	private static final Map<String, Set<String>> LATER_KEYS = Map.of("",
			Set.of("acl", "audit", "autopilot", "plugin", "plugin_dir", "log_file", "log_json",
					"log_rotate_bytes", "log_rotate_duration", "log_rotate_max_files", "limits", "sentinel", "ui",
					"keyring", "reporting", "rpc", "disable_sentinel", "log_include_location"),
			"server", Set.of("raft_protocol", "raft_multiplier", "job_gc_threshold", "job_gc_interval",
					"eval_gc_threshold", "deployment_gc_threshold", "server_join", "non_voting_server",
					"redundancy_zone", "upgrade_version", "min_heartbeat_ttl", "max_heartbeats_per_second",
					"authoritative_region", "license_path", "default_scheduler_config", "raft_boltdb", "search",
					"enable_event_broker", "event_buffer_size", "plan_rejection_tracker", "oidc_issuer"),
			"client", Set.of("server_join", "host_volume", "host_network", "cni_path", "cni_config_dir",
					"gc_interval", "gc_disk_usage_threshold", "gc_inode_usage_threshold", "gc_max_allocs",
					"gc_parallel_destroys", "no_host_uuid", "cpu_total_compute", "memory_total_mb", "disk_total_mb",
					"disable_remote_exec", "template", "artifact", "bridge_network_name", "bridge_network_subnet",
					"node_pool", "drain_on_shutdown", "alloc_mounts_dir", "cgroup_parent"),
			"tls", Set.of("verify_https_client", "tls_cipher_suites", "tls_min_version",
					"tls_prefer_server_cipher_suites", "rpc_upgrade_mode"),
			"vault", Set.of("create_from_role", "namespace", "name", "jwt_auth_backend_path",
					"default_identity"),
			"consul", Set.of("share_ssl", "tags", "grpc_address", "grpc_ca_file", "namespace",
					"service_identity", "task_identity", "name", "service_auth_method", "task_auth_method",
					"allow_unauthenticated"),
			"telemetry", Set.of("prometheus_metrics", "use_node_name", "filter_default", "prefix_filter",
					"in_memory_collection_interval", "in_memory_retention_period", "backwards_compatible_metrics",
					"disable_tagged_metrics", "datadog_tags", "disable_dispatched_job_summary_metrics",
					"circonus_check_display_name", "circonus_check_tags"));

	private KeySuggestions() {
	}

	/**
	 * Returns the hint for an unknown key, in parentheses, or {@code ""} when there is none.
	 * @param blockPath the path of the block holding the key ({@code ""} for the top level)
	 * @param key the unknown key
	 * @param validKeys the keys the block accepts
	 * @return the hint, starting with a space, or {@code ""}
	 */
	static String hint(String blockPath, String key, Collection<String> validKeys) {
		if (LATER_KEYS.getOrDefault(blockPath, Set.of()).contains(key)) {
			return " (a key of later Nomad versions; the v0.5 agent does not accept it)";
		}
		return closest(key, validKeys).map((match) -> " (did you mean \"" + match + "\"?)").orElse("");
	}

	/**
	 * Returns the valid key closest to the given one, if one is close enough to be a likely typo
	 * or a different spelling ({@code Region} for {@code region}, {@code adress} for
	 * {@code address}, {@code bootstrap-expect} for {@code bootstrap_expect}).
	 */
	static Optional<String> closest(String key, Collection<String> validKeys) {
		String normalized = normalize(key);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : validKeys) {
			int distance = distance(normalized, normalize(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int allowed = Math.max(1, Math.min(3, key.length() / 3));
		return (best != null && bestDistance <= allowed) ? Optional.of(best) : Optional.empty();
	}

	private static String normalize(String key) {
		return key.toLowerCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * Damerau-Levenshtein distance (optimal string alignment), so a swapped pair of letters
	 * counts as one edit.
	 */
	private static int distance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 3) {
			return Integer.MAX_VALUE;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
