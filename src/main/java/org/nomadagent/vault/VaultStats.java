package org.nomadagent.vault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nomadagent.agent.AgentStatsContributor;
import org.nomadagent.config.GoDuration;

/**
 * The {@code vault} section of a server's {@code /v1/agent/self} stats (Nomad v0.5 had none):
 * the connection state, whether Vault operations are active here (leader), the TTL left on the
 * server's token ({@code none} for a token that never expires), the renewals so far, and the
 * revocations waiting for a retry. Never the token.
 */
final class VaultStats implements AgentStatsContributor {

	private final VaultConnection connection;

	private final AccessorRevoker revoker;

	VaultStats(VaultConnection connection, AccessorRevoker revoker) {
		this.connection = connection;
		this.revoker = revoker;
	}

	@Override
	public String section() {
		return "vault";
	}

	@Override
	public Map<String, String> stats() {
		VaultConnection.Snapshot snapshot = this.connection.snapshot();
		Map<String, String> stats = new LinkedHashMap<>();
		stats.put("active", Boolean.toString(this.connection.active()));
		stats.put("renewals", Long.toString(snapshot.renewals()));
		stats.put("revocations_pending", Integer.toString(this.revoker.pending()));
		stats.put("state", snapshot.state().label());
		Duration left = this.connection.tokenTtlLeft();
		stats.put("token_ttl", (snapshot.state() != VaultConnection.State.CONNECTED) ? ""
				: (left != null) ? GoDuration.format(left) : "none");
		return stats;
	}

}
