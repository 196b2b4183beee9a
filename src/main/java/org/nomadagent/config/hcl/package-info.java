/**
 * HCL v1 and JSON configuration parsing, as Nomad's agent reads its configuration files: a
 * scanner and recursive-descent parser that behave as HashiCorp's HCL v1.0.0 does (same
 * leniencies, same error texts and line:column positions), a syntax tree whose nodes keep their
 * positions, a decoder into plain Java values that matches HCL v1's decoding into a Go
 * {@code map[string]interface{}}, and a Spring Boot property source loader for {@code .hcl}
 * files. Only {@link org.nomadagent.config.hcl.HclPropertySourceLoader} depends on Spring; the
 * rest is plain Java. Where this package differs from HCL v1.0.0 on purpose is listed in
 * {@code docs/compatibility.md}.
 */
package org.nomadagent.config.hcl;
