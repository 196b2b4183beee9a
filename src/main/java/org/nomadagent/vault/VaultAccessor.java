package org.nomadagent.vault;

/**
 * The record a server keeps of a task token it derived, so that it can revoke the token when
 * the task's allocation or node goes away (Nomad's {@code structs.VaultAccessor}). It holds the
 * token's accessor, never the token.
 *
 * @param accessor the task token's accessor
 * @param task the task the token was made for
 * @param nodeId the node the allocation runs on
 * @param allocationId the allocation
 * @param creationTtl how long the token may live unless renewed, in seconds; revocation of the
 * token is retried for that long
 */
public record VaultAccessor(String accessor, String task, String nodeId, String allocationId, long creationTtl) {
}
