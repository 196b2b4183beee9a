package org.nomadagent.vault;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

import org.nomadagent.agent.BackgroundThread;
import org.nomadagent.config.GoDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes the server's first contact with Vault in the background, as Nomad's
 * {@code establishConnection} does, so that the agent starts and serves whether Vault is up or
 * not: {@code GET sys/init} until Vault answers (every 30 s), then {@code lookup-self} and the
 * checks of the token and its role ({@link VaultTokenValidator}; a refusal is final), then
 * renewal of any token that expires ({@link VaultTokenRenewer}).
 */
public final class VaultConnector implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(VaultConnector.class);

	private final VaultClient client;

	private final VaultConnection connection;

	private final Duration retryInterval;

	private final Clock clock;

	private final DoubleSupplier random;

	private final BackgroundThread thread = new BackgroundThread("vault");

	private String lastFailure;

	/**
	 * Creates the connector.
	 * @param client the Vault client
	 * @param connection the connection state it keeps up to date
	 * @param retryInterval the interval between attempts while Vault is unreachable
	 * @param clock the clock
	 * @param random random numbers in [0, 1) for the renewal back-off
	 */
	public VaultConnector(VaultClient client, VaultConnection connection, Duration retryInterval, Clock clock,
			DoubleSupplier random) {
		this.client = client;
		this.connection = connection;
		this.retryInterval = retryInterval;
		this.clock = clock;
		this.random = random;
	}

	@Override
	public void start() {
		this.thread.start().execute(this::connect);
	}

	@Override
	public void stop() {
		this.thread.stop();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	private void connect() {
		try {
			this.client.initStatus();
		}
		catch (RuntimeException ex) {
			String reason = String.valueOf(ex.getMessage());
			if (!Objects.equals(reason, this.lastFailure)) {
				logger.warn("vault: failed to contact Vault API. Retrying in {}: {}",
						GoDuration.format(this.retryInterval), reason);
				logger.debug("vault: Vault API unreachable", ex);
			}
			else {
				logger.debug("vault: failed to contact Vault API again: {}", reason);
			}
			this.lastFailure = reason;
			this.connection.retrying(reason);
			retryLater();
			return;
		}
		VaultTokenInfo token;
		try {
			token = this.client.lookupSelf();
		}
		catch (RuntimeException ex) {
			fail("failed to lookup Vault periodic token: " + ex.getMessage());
			return;
		}
		List<String> problems = new ArrayList<>(VaultTokenValidator.tokenProblems(token));
		if (!token.role().isEmpty()) {
			problems.addAll(roleProblems(token.role()));
		}
		if (!problems.isEmpty()) {
			fail(VaultTokenValidator.describe(problems));
			return;
		}
		this.connection.connected(token);
		logger.info("vault: connection established (token policies {})", token.policies());
		if (token.root() && token.creationTtl() == 0) {
			logger.debug("vault: not renewing token as it is root");
		}
		else {
			logger.debug("vault: token lease duration is {}",
					GoDuration.format(Duration.ofSeconds(token.creationTtl())));
			ScheduledExecutorService executor = this.thread.executor();
			if (executor != null) {
				new VaultTokenRenewer(this.client, this.connection, executor, this.clock, this.random).start(token);
			}
		}
	}

	private List<String> roleProblems(String role) {
		Optional<VaultRole> settings;
		try {
			settings = this.client.readRole(role);
		}
		catch (RuntimeException ex) {
			return List.of("failed to lookup role " + quote(role) + ": " + ex.getMessage());
		}
		// Nomad crashed on a role Vault does not know (docs/compatibility.md).
		return settings.map(VaultTokenValidator::roleProblems)
			.orElseGet(() -> List.of("failed to lookup role " + quote(role) + ": no such role"));
	}

	private void fail(String reason) {
		logger.error("vault: failed to validate self token/role and not retrying: {}", reason);
		this.connection.failed(reason);
	}

	private void retryLater() {
		this.thread.schedule(this::connect, this.retryInterval);
	}

	private static String quote(String text) {
		return org.nomadagent.config.hcl.GoStrconv.quote(text);
	}

}
