/**
 * The parse-throughput benchmark of the HCL parser and the generator of its input, run by
 * {@code bench/hcl-parse.sh} through the Maven profile {@code bench}; not part of the agent.
 */
package org.nomadagent.bench;
