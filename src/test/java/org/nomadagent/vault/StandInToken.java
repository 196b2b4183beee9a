package org.nomadagent.vault;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token kept by {@link VaultStandIn}: its id and accessor, policies, role, TTLs and metadata,
 * and when it expires.
 */
final class StandInToken {

	final String id;

	final String accessor;

	final List<String> policies;

	final String role;

	final long creationTtl;

	final boolean renewable;

	final Map<String, String> meta;

	final String displayName;

	final long period;

	volatile Instant expiresAt;

	StandInToken(String id, List<String> policies, String role, long creationTtl, boolean renewable,
			Map<String, String> meta, String displayName, long period) {
		this.id = id;
		this.accessor = "accessor-" + UUID.randomUUID();
		this.policies = List.copyOf(policies);
		this.role = role;
		this.creationTtl = creationTtl;
		this.renewable = renewable;
		this.meta = Map.copyOf(meta);
		this.displayName = displayName;
		this.period = period;
		this.expiresAt = (creationTtl > 0) ? Instant.now().plusSeconds(creationTtl) : null;
	}

	boolean expired() {
		return this.expiresAt != null && Instant.now().isAfter(this.expiresAt);
	}

	long ttlLeft() {
		if (this.expiresAt == null) {
			return 0;
		}
		// Rounded, so that a lookup right after creation shows the TTL the token was made with.
		return Math.max(0, Math.round(java.time.Duration.between(Instant.now(), this.expiresAt).toMillis() / 1000.0));
	}

	/** The {@code data} block of a lookup, as Vault 0.6 writes it. */
	Map<String, Object> lookupData() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("accessor", this.accessor);
		data.put("creation_time", Instant.now().getEpochSecond());
		data.put("creation_ttl", this.creationTtl);
		data.put("display_name", this.displayName);
		data.put("explicit_max_ttl", 0);
		data.put("id", this.id);
		data.put("meta", this.meta.isEmpty() ? null : this.meta);
		data.put("num_uses", 0);
		data.put("orphan", false);
		data.put("path", this.role.isEmpty() ? "auth/token/create" : "auth/token/create/" + this.role);
		data.put("period", this.period);
		data.put("policies", this.policies);
		data.put("renewable", this.renewable);
		data.put("role", this.role);
		data.put("ttl", ttlLeft());
		return data;
	}

	/** The {@code auth} block of a creation or renewal. */
	Map<String, Object> auth() {
		Map<String, Object> auth = new LinkedHashMap<>();
		auth.put("client_token", this.id);
		auth.put("accessor", this.accessor);
		auth.put("policies", this.policies);
		auth.put("metadata", this.meta.isEmpty() ? null : this.meta);
		auth.put("lease_duration", ttlLeft());
		auth.put("renewable", this.renewable);
		return auth;
	}

}
