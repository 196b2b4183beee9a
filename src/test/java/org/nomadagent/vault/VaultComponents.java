package org.nomadagent.vault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.nomadagent.config.Secret;
import org.nomadagent.telemetry.NomadMetrics;
import org.nomadagent.vault.VaultConnection.State;

/**
 * The server's Vault components wired by hand, as {@link VaultConfiguration} wires them, with
 * short intervals and a leadership switch, for tests against a {@link VaultStandIn}.
 */
final class VaultComponents implements AutoCloseable {

	/** Whether this server leads (Vault operations are active only on the leader). */
	final AtomicBoolean leader = new AtomicBoolean(true);

	final VaultServerSettings settings;

	final VaultClient client;

	final VaultConnection connection;

	final VaultConnector connector;

	final InMemoryVaultAccessorStore store = new InMemoryVaultAccessorStore();

	final ParallelRequests parallel = ParallelRequests.onOwnThreads("test-vault-request");

	final AccessorRevoker revoker;

	final TaskTokenDeriver deriver;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final VaultTokenLookup lookup;

	private VaultComponents(VaultProperties properties) {
		this.settings = VaultServerSettings.of(properties);
		this.client = VaultClient.create(this.settings, Path.of("").toAbsolutePath());
		this.connection = new VaultConnection(this.leader::get, Clock.systemUTC());
		// A fixed "random" factor keeps renewal back-off predictable.
		this.connector = new VaultConnector(this.client, this.connection, this.settings.connectionRetryInterval(),
				Clock.systemUTC(), () -> 0.0);
		this.revoker = new AccessorRevoker(this.client, this.connection, this.store, this.parallel,
				Duration.ofMinutes(5), Clock.systemUTC());
		VaultRateLimiter limiter = new VaultRateLimiter(VaultRateLimiter.NOMAD_RATE, System::nanoTime);
		this.deriver = new TaskTokenDeriver(this.client, this.connection, this.settings, this.store, this.revoker,
				this.parallel, limiter, NomadMetrics.using(this.meters));
		this.lookup = new VaultTokenLookup(this.client, this.connection, limiter);
	}

	/** Components for a Vault at an address, with a token, over plain HTTP. */
	static VaultComponents of(String address, String token) {
		return of(properties(address, token, "", "", "", "", "", false));
	}

	/** Components for the given options. */
	static VaultComponents of(VaultProperties properties) {
		return new VaultComponents(properties);
	}

	/** The {@code vault} options, with a 100 ms connection retry interval. */
	static VaultProperties properties(String address, String token, String taskTokenTtl, String caFile, String caPath,
			String certFile, String keyFile, boolean skipVerify) {
		return properties(address, token, taskTokenTtl, caFile, caPath, certFile, keyFile, "", skipVerify);
	}

	/** The {@code vault} options with a server name, and a 100 ms connection retry interval. */
	static VaultProperties properties(String address, String token, String taskTokenTtl, String caFile, String caPath,
			String certFile, String keyFile, String serverName, boolean skipVerify) {
		return new VaultProperties(address, false, true, taskTokenTtl, caFile, caPath, certFile, keyFile, serverName,
				skipVerify, new Secret(token), Duration.ofMillis(100));
	}

	/** Starts connecting and waits for the given state. */
	VaultComponents connectUntil(State state) {
		this.connector.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.snapshot().state() == state);
		return this;
	}

	@Override
	public void close() {
		this.connector.stop();
		this.revoker.stop();
		this.parallel.close();
	}

}
