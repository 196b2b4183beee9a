package org.nomadagent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.nomadagent.config.GoDuration.InvalidDurationException;
import org.nomadagent.config.ReservedPorts.InvalidReservedPortsException;
import org.nomadagent.config.hcl.HclItem;
import org.nomadagent.config.hcl.HclNode;
import org.nomadagent.config.hcl.HclObject;

/**
 * Reads one parsed configuration file into a {@link ConfigLayer}, as Nomad v0.5's
 * {@code command/agent/config_parse.go} does: unknown keys are errors, each block may appear
 * once per file, map blocks ({@code options}, {@code meta}, {@code chroot_env},
 * {@code http_api_response_headers}) may repeat and merge, values convert with the "weak" rules
 * of {@link ValueDecoder}, and {@code reserved_ports} and {@code telemetry.collection_interval}
 * are checked at once.
 *
 * <p>
 * Unlike Nomad, which stops at the first failing block, every mistake of the file is collected,
 * each with its position; values that decode are kept.
 */
public final class AgentConfigDecoder {

	/** The valid keys of each block, by block path. */
	private static final Map<String, Set<String>> VALID_KEYS = new ConcurrentHashMap<>();

	private final List<ConfigProblem> problems = new ArrayList<>();

	private final ValueDecoder values = new ValueDecoder(this.problems);

	private final ConfigLayer.Builder layer = ConfigLayer.builder();

	private AgentConfigDecoder() {
	}

	/**
	 * Decodes a parsed file.
	 * @param root the root object of the file; must not be {@literal null}
	 * @return the values the file sets and the mistakes found in it
	 */
	public static Result decode(HclObject root) {
		AgentConfigDecoder decoder = new AgentConfigDecoder();
		decoder.decodeBlock(AgentConfigSchema.ROOT, root);
		List<ConfigProblem> problems = new ArrayList<>(decoder.problems);
		problems.sort(Comparator.comparingInt((ConfigProblem problem) -> problem.origin().position().line())
			.thenComparingInt((problem) -> problem.origin().position().column()));
		return new Result(decoder.layer.build(), List.copyOf(problems));
	}

	private void decodeBlock(ConfigBlock block, HclObject body) {
		Set<String> validKeys = VALID_KEYS.computeIfAbsent(block.path(), (path) -> Set.copyOf(block.validKeys()));
		for (HclItem item : body.items()) {
			if (!validKeys.contains(item.name())) {
				this.problems.add(new ConfigProblem(ConfigOrigin.of(item.keys().get(0).position()),
						block.errorPrefix() + " invalid key: " + item.name()
								+ KeySuggestions.hint(block.path(), item.name(), block.validKeys())));
			}
		}
		String valuePrefix = block.isRoot() ? "" : block.errorPrefix();
		for (ConfigField field : block.fields()) {
			ConfigItems items = ConfigItems.of(body, field.key());
			if (!items.isEmpty()) {
				decodeField(field, items, valuePrefix);
			}
		}
		for (ConfigBlock nested : block.blocks()) {
			ConfigItems items = ConfigItems.of(body, nested.key());
			if (!items.isEmpty()) {
				decodeNestedBlock(nested, items);
			}
		}
	}

	private void decodeField(ConfigField field, ConfigItems items, String prefix) {
		List<HclItem> all = items.asSingleKey();
		if (field.kind() == ValueKind.STRING_MAP) {
			Map<String, Setting> entries = new LinkedHashMap<>();
			all.forEach((item) -> this.values.mapEntries(field, item.value(), prefix, entries));
			this.layer.putAll(field, entries);
			return;
		}
		// A repeated key: the last one wins, as in HCL's generic decoding.
		HclNode value = all.get(all.size() - 1).value();
		if (field.kind() == ValueKind.STRING_LIST) {
			List<Setting> list = this.values.list(field, value, prefix);
			if (list != null) {
				this.layer.setList(field, list);
			}
			return;
		}
		Setting setting = this.values.scalar(field, value, prefix);
		if (setting != null && checkedAtParseTime(field, setting, value, prefix)) {
			this.layer.set(field, setting);
		}
	}

	private boolean checkedAtParseTime(ConfigField field, Setting setting, HclNode value, String prefix) {
		if (field.kind() == ValueKind.RESERVED_PORTS) {
			try {
				ReservedPorts.parse((String) setting.value());
			}
			catch (InvalidReservedPortsException ex) {
				this.values.report(value, prefix, ex.getMessage());
				return false;
			}
		}
		if (field.path().equals("telemetry.collection_interval") && !((String) setting.value()).isEmpty()) {
			try {
				GoDuration.parse((String) setting.value());
			}
			catch (InvalidDurationException ex) {
				this.values.report(value, prefix,
						"error parsing value of \"collection_interval\": " + ex.getMessage());
				return false;
			}
		}
		return true;
	}

	private void decodeNestedBlock(ConfigBlock block, ConfigItems items) {
		String prefix = block.errorPrefix();
		List<HclItem> plain = items.plain();
		for (int i = 1; i < plain.size(); i++) {
			this.problems.add(new ConfigProblem(ConfigOrigin.of(plain.get(i).position()),
					prefix + " only one '" + block.key() + "' block allowed"));
		}
		HclObject first = null;
		if (!plain.isEmpty()) {
			HclNode value = plain.get(0).value();
			if (value instanceof HclObject object) {
				first = object;
			}
			else {
				this.problems.add(new ConfigProblem(ConfigOrigin.of(value.position()),
						prefix + " " + block.key() + " value: should be an object"));
				if (plain.size() == items.items().size()) {
					return;
				}
			}
		}
		decodeBlock(block, items.body(first));
	}

	/**
	 * The outcome of decoding one file.
	 *
	 * @param layer the values the file sets (only those that decoded)
	 * @param problems the mistakes found, in the order found
	 */
	public record Result(ConfigLayer layer, List<ConfigProblem> problems) {
	}

}
