package org.nomadagent.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.nomadagent.config.GoDuration;
import org.nomadagent.vault.VaultStandIn.Recorded;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of {@link VaultStandIn}: Vault 0.6's token API over the stand-in's state.
 */
final class StandInApi {

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body, or {@code null} for none
	 */
	record Answer(int status, Object body) {
	}

	private final Map<String, StandInToken> tokens;

	private final Map<String, Map<String, Object>> roles;

	private final Map<String, String> cubbyholes;

	StandInApi(Map<String, StandInToken> tokens, Map<String, Map<String, Object>> roles,
			Map<String, String> cubbyholes) {
		this.tokens = tokens;
		this.roles = roles;
		this.cubbyholes = cubbyholes;
	}

	Answer answer(Recorded request) {
		String path = request.path();
		String method = request.method();
		if (path.equals("/v1/sys/init") && method.equals("GET")) {
			return new Answer(200, Map.of("initialized", true));
		}
		if (path.equals("/v1/cubbyhole/response") && method.equals("GET")) {
			return unwrap(request.header("X-Vault-Token"));
		}
		StandInToken caller = live(request.header("X-Vault-Token"));
		if (caller == null) {
			return error(403, "permission denied");
		}
		if (path.equals("/v1/auth/token/lookup-self") && method.equals("GET")) {
			return new Answer(200, Map.of("data", caller.lookupData()));
		}
		if (path.startsWith("/v1/auth/token/lookup/") && method.equals("GET")) {
			StandInToken target = live(path.substring("/v1/auth/token/lookup/".length()));
			return (target != null) ? new Answer(200, Map.of("data", target.lookupData())) : error(403, "bad token");
		}
		if (path.equals("/v1/auth/token/renew-self") && (method.equals("PUT") || method.equals("POST"))) {
			return renew(caller, request.body());
		}
		if (path.startsWith("/v1/auth/token/roles/") && method.equals("GET")) {
			Map<String, Object> role = this.roles.get(path.substring("/v1/auth/token/roles/".length()));
			return (role != null) ? new Answer(200, Map.of("data", role))
					: new Answer(404, Map.of("errors", List.of()));
		}
		if (path.startsWith("/v1/auth/token/create") && method.equals("POST")) {
			String role = path.startsWith("/v1/auth/token/create/") ? path.substring("/v1/auth/token/create/".length())
					: "";
			return create(role, request);
		}
		if (path.startsWith("/v1/auth/token/revoke-accessor/") && (method.equals("POST") || method.equals("PUT"))) {
			String accessor = path.substring("/v1/auth/token/revoke-accessor/".length());
			boolean removed = this.tokens.values().removeIf((token) -> token.accessor.equals(accessor));
			return removed ? new Answer(204, null) : error(400, "invalid accessor");
		}
		return new Answer(404, Map.of("errors", List.of()));
	}

	private Answer renew(StandInToken caller, String body) {
		if (!caller.renewable) {
			return error(400, "lease is not renewable");
		}
		long increment = VaultValues.number(json(body), "increment");
		long ttl = (increment > 0) ? increment : caller.creationTtl;
		caller.expiresAt = Instant.now().plusSeconds(ttl);
		Map<String, Object> auth = caller.auth();
		auth.put("lease_duration", ttl);
		return new Answer(200, Map.of("auth", auth));
	}

	private Answer create(String role, Recorded request) {
		if (!role.isEmpty() && !this.roles.containsKey(role)) {
			return error(400, "unknown role " + role);
		}
		Map<String, Object> body = json(request.body());
		List<String> policies = new ArrayList<>(VaultValues.texts(body, "policies"));
		policies.add("default");
		Map<String, String> meta = new LinkedHashMap<>();
		Map<String, Object> requestedMeta = VaultValues.object(body, "meta");
		if (requestedMeta != null) {
			requestedMeta.forEach((key, value) -> meta.put(key, String.valueOf(value)));
		}
		long ttl = seconds(VaultValues.text(body, "ttl"));
		long period = seconds(VaultValues.text(body, "period"));
		StandInToken child = new StandInToken("s." + UUID.randomUUID(), policies, role, ttl, true, meta,
				"token-" + VaultValues.text(body, "display_name"), period);
		this.tokens.put(child.id, child);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("auth", child.auth());
		String wrapTtl = request.header("X-Vault-Wrap-TTL");
		if (wrapTtl == null) {
			return new Answer(200, response);
		}
		long wrapSeconds = seconds(wrapTtl);
		StandInToken wrapping = new StandInToken("s." + UUID.randomUUID(), List.of("response-wrapping"), "",
				wrapSeconds, false, Map.of(), "", 0);
		this.tokens.put(wrapping.id, wrapping);
		this.cubbyholes.put(wrapping.id, JsonMapper.shared().writeValueAsString(response));
		Map<String, Object> wrapInfo = new LinkedHashMap<>();
		wrapInfo.put("token", wrapping.id);
		wrapInfo.put("ttl", wrapSeconds);
		wrapInfo.put("creation_time", VaultStandIn.now());
		wrapInfo.put("wrapped_accessor", child.accessor);
		Map<String, Object> wrapped = new LinkedHashMap<>();
		wrapped.put("request_id", UUID.randomUUID().toString());
		wrapped.put("lease_id", "");
		wrapped.put("renewable", false);
		wrapped.put("lease_duration", 0);
		wrapped.put("data", null);
		wrapped.put("wrap_info", wrapInfo);
		wrapped.put("warnings", null);
		wrapped.put("auth", null);
		return new Answer(200, wrapped);
	}

	private Answer unwrap(String wrappingToken) {
		String response = (wrappingToken != null && live(wrappingToken) != null) ? this.cubbyholes.remove(wrappingToken)
				: null;
		if (response == null) {
			return error(400, "wrapping token is not valid or does not exist");
		}
		// A wrapping token is good for one unwrap.
		this.tokens.remove(wrappingToken);
		return new Answer(200, Map.of("data", Map.of("response", response)));
	}

	private StandInToken live(String id) {
		StandInToken token = (id != null) ? this.tokens.get(id) : null;
		return (token == null || token.expired()) ? null : token;
	}

	private static long seconds(String duration) {
		if (duration.isEmpty()) {
			return 0;
		}
		try {
			return GoDuration.parse(duration).duration().toSeconds();
		}
		catch (GoDuration.InvalidDurationException ex) {
			return 0;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(String body) {
		return (body == null || body.isBlank()) ? Map.of() : JsonMapper.shared().readValue(body, Map.class);
	}

	private static Answer error(int status, String message) {
		return new Answer(status, Map.of("errors", List.of(message)));
	}

}
