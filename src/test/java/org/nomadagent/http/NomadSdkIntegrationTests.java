package org.nomadagent.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.hashicorp.nomad.apimodel.AgentMember;
import com.hashicorp.nomad.apimodel.AgentSelf;
import com.hashicorp.nomad.javasdk.NomadApiClient;
import com.hashicorp.nomad.javasdk.NomadApiConfiguration;
import com.hashicorp.nomad.javasdk.NomadException;
import com.hashicorp.nomad.javasdk.NomadJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nomadagent.agent.TestAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The agent through the official Nomad Java SDK: agent self, members, servers, regions, status
 * leader and peers of a dev agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NomadSdkIntegrationTests {

	private TestAgent agent;

	private NomadApiClient nomad;

	@BeforeAll
	void startAgent(@TempDir Path dir) {
		this.agent = TestAgent.start(dir, "name = \"sdk-node\"\ndatacenter = \"dc7\"\n", "-dev");
		this.nomad = new NomadApiClient(new NomadApiConfiguration.Builder().setAddress(this.agent.url()).build());
	}

	@AfterAll
	void stopAgent() throws Exception {
		if (this.nomad != null) {
			this.nomad.close();
		}
		if (this.agent != null) {
			this.agent.close();
		}
	}

	@Test
	void selfShowsTheConfigurationTheMemberAndTheStats() throws Exception {
		AgentSelf self = this.nomad.getAgentApi().self().getValue();
		assertThat(self.getConfig()).containsEntry("Region", "global").containsEntry("Datacenter", "dc7")
			.containsEntry("DevMode", true);
		AgentMember member = self.getMember();
		assertThat(member.getName()).isEqualTo("sdk-node.global");
		assertThat(member.getStatus()).isEqualTo("alive");
		assertThat(member.getTags()).containsEntry("dc", "dc7").containsEntry("region", "global")
			.containsEntry("role", "nomad").containsEntry("bootstrap", "1");
		assertThat(member.getProtocolCur()).isEqualTo((byte) 2);
		assertThat(self.getStats()).containsKeys("nomad", "runtime");
		assertThat(self.getStats().get("nomad")).containsEntry("leader", "true");
	}

	@Test
	void membersListsTheServerItself() throws Exception {
		// Nomad v0.5 answers a plain list of members; the SDK (written for Nomad 0.11) wraps it in
		// an object, so its members() cannot read a v0.5 agent. The SDK's own model and JSON
		// mapping read our list.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.agent.url() + "/v1/agent/members")).build(),
					HttpResponse.BodyHandlers.ofString());
		List<AgentMember> members = NomadJson.deserializeList(response.body(), AgentMember.class);
		assertThat(members).singleElement().satisfies((member) -> {
			assertThat(member.getName()).isEqualTo("sdk-node.global");
			assertThat(member.getPort()).isEqualTo(this.agent.identity().serfAdvertise().port());
		});
	}

	@Test
	void serversCanBeReadAndSet() throws Exception {
		assertThat(this.nomad.getAgentApi().servers().getValue()).isEmpty();
		this.nomad.getAgentApi().setServers("127.0.0.5:4647", "127.0.0.6");
		assertThat(this.nomad.getAgentApi().servers().getValue()).containsExactly("127.0.0.5:4647", "127.0.0.6:4647");
		this.nomad.getAgentApi().setServers("127.0.0.7");
		assertThat(this.nomad.getAgentApi().servers().getValue()).containsExactly("127.0.0.7:4647");
	}

	@Test
	void statusAndRegionsAnswerForTheLoneServer() throws Exception {
		String rpc = this.agent.identity().rpcAdvertise().toString();
		assertThat(this.nomad.getStatusApi().leader().getValue()).isEqualTo(rpc);
		assertThat(this.nomad.getStatusApi().leader("global").getValue()).isEqualTo(rpc);
		assertThat(this.nomad.getStatusApi().peers().getValue()).containsExactly(rpc);
		assertThat(this.nomad.getRegionsApi().list().getValue()).containsExactly("global");
	}

	@Test
	void unknownRegionIsAnErrorTheSdkReports() {
		assertThatExceptionOfType(NomadException.class).isThrownBy(() -> this.nomad.getStatusApi().leader("mars"))
			.withMessageContaining("No path to region");
	}

}
