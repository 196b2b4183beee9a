package org.nomadagent.config;

/**
 * How a later configuration source combines with an earlier one for one key, after Nomad v0.5's
 * {@code Merge} functions ({@code command/agent/config.go}).
 */
public enum MergeRule {

	/** The later value replaces the earlier one unless it is empty ({@code ""} or {@code 0}). */
	REPLACE_NON_EMPTY,

	/** The later value replaces the earlier one only when it is greater than zero. */
	REPLACE_POSITIVE,

	/** Once a source sets {@code true}, it stays {@code true}. */
	TRUE_WINS,

	/** The last source that sets the key wins, whatever its value. */
	LAST_SET,

	/** Lists are concatenated, duplicates kept. */
	APPEND,

	/** Maps are merged key by key, later keys replacing earlier ones. */
	MERGE_KEYS

}
