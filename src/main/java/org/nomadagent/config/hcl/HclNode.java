package org.nomadagent.config.hcl;

/**
 * A node of a parsed HCL v1 (or JSON) document: an object, a list or a literal. Every node knows
 * where it starts in the source.
 */
public sealed interface HclNode permits HclObject, HclList, HclLiteral {

	/**
	 * Returns where this node starts.
	 */
	Position position();

}
