package org.nomadagent.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Timer;
import org.nomadagent.config.JsonText;
import org.nomadagent.config.Secret;
import org.nomadagent.config.hcl.GoStrconv;
import org.nomadagent.telemetry.NomadMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the Vault tokens of an allocation's tasks, as Nomad's {@code Node.DeriveVaultToken}
 * does once the request is known to be legitimate: one response-wrapped child token a task, made
 * with the server's token through {@code auth/token/create} (root token, periodic children) or
 * {@code auth/token/create/<role>}, up to 16 at a time. If one fails, the tokens already made are
 * revoked and the error says whether to try again; if all succeed, their accessors are recorded
 * before the wrapping tokens are returned.
 */
public final class TaskTokenDeriver {

	/** The largest number of token creations in flight (Nomad's maxParallelRequestsPerDerive). */
	static final int MAX_PARALLEL = 16;

	private static final Logger logger = LoggerFactory.getLogger(TaskTokenDeriver.class);

	private final VaultClient client;

	private final VaultConnection connection;

	private final VaultServerSettings settings;

	private final VaultAccessorStore store;

	private final AccessorRevoker revoker;

	private final ParallelRequests parallel;

	private final VaultRateLimiter limiter;

	private final Timer deriveTimer;

	TaskTokenDeriver(VaultClient client, VaultConnection connection, VaultServerSettings settings,
			VaultAccessorStore store, AccessorRevoker revoker, ParallelRequests parallel, VaultRateLimiter limiter,
			NomadMetrics metrics) {
		this.deriveTimer = metrics.timer("nomad", "client", "derive_vault_token");
		this.client = client;
		this.connection = connection;
		this.settings = settings;
		this.store = store;
		this.revoker = revoker;
		this.parallel = parallel;
		this.limiter = limiter;
	}

	/**
	 * Derives the tokens.
	 * @param request the allocation and its tasks' policies
	 * @return the wrapping token of each task, and the recorded accessors
	 * @throws VaultOperationException with Nomad's message, {@link VaultOperationException#recoverable()
	 * recoverable} when trying again later may succeed
	 */
	public DerivedTaskTokens derive(TaskTokenRequest request) {
		// Nomad's timer of Node.DeriveVaultToken: nomad.nomad.client.derive_vault_token.
		return this.deriveTimer.record(() -> deriveTokens(request));
	}

	private DerivedTaskTokens deriveTokens(TaskTokenRequest request) {
		request.validate();
		List<String> tasks = List.copyOf(request.taskPolicies().keySet());
		Map<String, Optional<WrapInfo>> results = new ConcurrentHashMap<>();
		RuntimeException failure = this.parallel.run(tasks, MAX_PARALLEL,
				(task) -> results.put(task, create(request, task)));
		Map<String, Secret> tokens = new LinkedHashMap<>();
		List<VaultAccessor> accessors = new ArrayList<>();
		for (String task : tasks) {
			Optional<WrapInfo> result = results.get(task);
			if (result == null) {
				continue;
			}
			WrapInfo wrap = result.orElseThrow(
					() -> new VaultOperationException("Vault returned Secret without WrapInfo", false));
			tokens.put(task, wrap.token());
			// The task token's TTL, not the 60 s of its wrapping, bounds revocation retries
			// (docs/compatibility.md).
			accessors.add(new VaultAccessor(wrap.wrappedAccessor(), task, request.nodeId(), request.allocationId(),
					this.settings.taskTokenSeconds()));
		}
		if (failure != null) {
			logger.error("vault: Vault token creation failed: {}", failure.getMessage());
			revokeCreated(accessors);
			throw (failure instanceof VaultOperationException operation) ? operation
					: new VaultOperationException(String.valueOf(failure.getMessage()), false);
		}
		try {
			this.store.register(accessors);
		}
		catch (RuntimeException ex) {
			logger.error("vault: Register Vault accessors failed: {}", ex.getMessage());
			throw new VaultOperationException(String.valueOf(ex.getMessage()), false);
		}
		return new DerivedTaskTokens(tokens, accessors);
	}

	private Optional<WrapInfo> create(TaskTokenRequest request, String task) {
		try {
			this.connection.requireUsable();
		}
		catch (VaultOperationException ex) {
			throw failedTask(task, ex.getMessage(), ex.recoverable());
		}
		VaultTokenInfo server = this.connection.snapshot().token();
		this.limiter.acquire();
		String body = body(request.taskPolicies().get(task), request.allocationId(), request.nodeId(), task,
				this.settings.taskTokenTtl(), server.root());
		try {
			return this.client.createWrappedToken(server.root() ? null : server.role(), body);
		}
		catch (RuntimeException ex) {
			String message = String.valueOf(ex.getMessage());
			// Nomad's classification: Vault refused the request itself, trying again cannot help.
			boolean refused = message.contains("invalid request") || message.contains("permission denied");
			throw failedTask(task, message, !refused);
		}
	}

	private void revokeCreated(List<VaultAccessor> accessors) {
		try {
			this.revoker.revoke(accessors, false);
		}
		catch (RuntimeException ex) {
			logger.error("vault: Vault token revocation failed: {}", ex.getMessage());
		}
	}

	private static VaultOperationException failedTask(String task, String message, boolean recoverable) {
		return new VaultOperationException(
				"failed to create token for task " + GoStrconv.quote(task) + ": " + message, recoverable);
	}

	/**
	 * Writes the body of a task token creation exactly as Nomad's Vault library does: the
	 * fields in its order, {@code period} only for a root server token, no {@code renewable} or
	 * {@code no_parent}.
	 */
	static String body(List<String> policies, String allocationId, String nodeId, String task, String ttl,
			boolean root) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (!policies.isEmpty()) {
			body.put("policies", policies);
		}
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("AllocationID", allocationId);
		meta.put("NodeID", nodeId);
		meta.put("Task", task);
		body.put("meta", meta);
		body.put("ttl", ttl);
		if (root) {
			body.put("period", ttl);
		}
		body.put("display_name", allocationId + "-" + task);
		body.put("num_uses", 0);
		return JsonText.compact(body);
	}

}
