package org.nomadagent.config;

/**
 * The kinds of value a Nomad agent configuration key holds. Each kind has Nomad v0.5's decoding
 * rule (the "weak" conversions of its {@code mapstructure} decoder) and merge rule.
 */
public enum ValueKind {

	/** Text; a boolean becomes {@code "1"}/{@code "0"}, a number its decimal text. */
	STRING(MergeRule.REPLACE_NON_EMPTY),

	/**
	 * Text holding a Go duration ({@code 30s}, {@code 1h30m}), kept as written because the API
	 * shows it back; it is checked as a duration when Nomad checks it.
	 */
	DURATION_TEXT(MergeRule.REPLACE_NON_EMPTY),

	/** An integer; text is read with Go's base detection ({@code 0x10}, {@code 010}). */
	INT(MergeRule.REPLACE_NON_EMPTY),

	/** A boolean that, once true, no later source can turn off (Nomad's "true wins"). */
	BOOL(MergeRule.TRUE_WINS),

	/** A boolean that may be unset; the last source that sets it wins, {@code false} included. */
	OPTIONAL_BOOL(MergeRule.LAST_SET),

	/** A list of text; later sources append to it. */
	STRING_LIST(MergeRule.APPEND),

	/** A map of text to text; later sources add and replace keys. */
	STRING_MAP(MergeRule.MERGE_KEYS),

	/** A Go duration held in nanoseconds; a bare integer counts as nanoseconds. */
	DURATION_NANOS(MergeRule.REPLACE_NON_EMPTY),

	/** The {@code reserved_ports} text ({@code "22,80,8000-8010"}), checked when the file is read. */
	RESERVED_PORTS(MergeRule.REPLACE_NON_EMPTY);

	private final MergeRule defaultMergeRule;

	ValueKind(MergeRule defaultMergeRule) {
		this.defaultMergeRule = defaultMergeRule;
	}

	MergeRule defaultMergeRule() {
		return this.defaultMergeRule;
	}

	/**
	 * Returns whether a value of this kind is a single {@link Setting} (not a list or a map).
	 */
	public boolean isScalar() {
		return this != STRING_LIST && this != STRING_MAP;
	}

}
