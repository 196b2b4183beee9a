package org.nomadagent;

public class NomadAgentApplication {
	public static void main(String[] args) {
	}
}
