package org.nomadagent.vault;

import java.util.ArrayList;
import java.util.List;

/**
 * Nomad's rules for the server's Vault token and its role ({@code parseSelfToken} and
 * {@code validateRole} in {@code nomad/vault.go}): a root token is accepted, but must be renewable
 * with a TTL left if it has a TTL at all; any other token must be renewable, have a creation TTL
 * and a TTL left, and come from a role; that role must not make orphans, must allow renewal, must
 * have no explicit max TTL and must be periodic. Every broken rule is reported, in Nomad's words.
 */
final class VaultTokenValidator {

	private VaultTokenValidator() {
	}

	/**
	 * Returns the broken rules of a token (its role aside).
	 * @param token what {@code lookup-self} said of the token
	 * @return the problems, in Nomad's order; empty when the token is usable
	 */
	static List<String> tokenProblems(VaultTokenInfo token) {
		List<String> problems = new ArrayList<>();
		if (!token.root()) {
			if (!token.renewable()) {
				problems.add("Vault token is not renewable or root");
			}
			if (token.creationTtl() == 0) {
				problems.add("invalid lease duration of zero");
			}
			if (token.ttl() == 0) {
				problems.add("token TTL is zero");
			}
			if (token.role().isEmpty()) {
				problems.add("token role name must be set when not using a root token");
			}
		}
		else if (token.creationTtl() != 0) {
			if (!token.renewable()) {
				problems.add("Vault token has a TTL but is not renewable");
			}
			else if (token.ttl() == 0) {
				problems.add("token TTL is zero");
			}
		}
		return problems;
	}

	/**
	 * Returns the broken rules of a role.
	 * @param role the role's settings
	 * @return the problems, in Nomad's order; empty when the role is usable
	 */
	static List<String> roleProblems(VaultRole role) {
		List<String> problems = new ArrayList<>();
		if (role.orphan()) {
			problems.add("Role must not allow orphans");
		}
		if (!role.renewable()) {
			problems.add("Role must allow tokens to be renewed");
		}
		if (role.explicitMaxTtl() != 0) {
			problems.add("Role can not use an explicit max ttl. Token must be periodic.");
		}
		if (role.period() == 0) {
			problems.add("Role must have a non-zero period to make tokens periodic.");
		}
		return problems;
	}

	/**
	 * Words several errors as Nomad's multierror does: {@code 2 error(s) occurred:\n\n* a\n* b}.
	 * @param problems the errors, at least one
	 * @return the message
	 */
	static String describe(List<String> problems) {
		StringBuilder message = new StringBuilder().append(problems.size()).append(" error(s) occurred:\n\n");
		for (int i = 0; i < problems.size(); i++) {
			message.append((i > 0) ? "\n* " : "* ").append(problems.get(i));
		}
		return message.toString();
	}

}
