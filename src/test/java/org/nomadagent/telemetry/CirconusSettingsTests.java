package org.nomadagent.telemetry;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nomadagent.config.GoDuration;
import org.nomadagent.config.Secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CirconusSettings}: Nomad's and the library's defaults and errors.
 */
class CirconusSettingsTests {

	@Test
	void enabledByAnApiTokenOrASubmissionUrl() {
		assertThat(CirconusSettings.enabled(telemetry("", "", "", ""))).isFalse();
		assertThat(CirconusSettings.enabled(telemetry("token", "", "", ""))).isTrue();
		assertThat(CirconusSettings.enabled(telemetry("", "http://trap/module/httptrap/u/s", "", ""))).isTrue();
	}

	@Test
	void defaultsAreNomads() {
		CirconusSettings settings = CirconusSettings.of(telemetry("token", "", "", ""), "web-1", "dc1", "host");
		assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.apiApp()).isEqualTo("nomad");
		assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.circonus.com/v2"));
		assertThat(settings.instanceId()).isEqualTo("web-1:dc1");
		assertThat(settings.searchTags()).containsExactly("service:nomad");
		assertThat(settings.checkId()).isZero();
		assertThat(settings.brokerId()).isZero();
		assertThat(settings.forceMetricActivation()).isFalse();
		assertThat(settings.managesCheck()).isTrue();
	}

	@Test
	void instanceIdWithoutANodeNameIsTheLibrarysHostAndProgram() {
		CirconusSettings settings = CirconusSettings.of(telemetry("token", "", "", ""), "", "dc1", "host");
		assertThat(settings.instanceId()).isEqualTo("host:nomad");
	}

	@Test
	void apiUrlThatIsAHostNameBecomesTheV2Api() {
		assertThat(CirconusSettings.of(telemetry("token", "", "", "circonus.example.com"), "", "dc1", "h").apiUrl())
			.isEqualTo(URI.create("https://circonus.example.com/v2"));
		assertThat(CirconusSettings.of(telemetry("token", "", "", "http://127.0.0.1:1234/v2/"), "", "dc1", "h").apiUrl())
			.isEqualTo(URI.create("http://127.0.0.1:1234/v2"));
	}

	@Test
	void tagsLoseTheirSpacesAndSplitAtCommas() {
		assertThat(CirconusSettings.tags("service:nomad, dc:dc1")).containsExactly("service:nomad", "dc:dc1");
	}

	@Test
	void intervalThatIsNotADurationIsAStartUpError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CirconusSettings.of(telemetry("token", "", "10", ""), "", "dc1", "h"))
			.withMessage("time: missing unit in duration \"10\"");
	}

	@Test
	void intervalThatIsNotPositiveIsAStartUpError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CirconusSettings.of(telemetry("token", "", "0s", ""), "", "dc1", "h"))
			.withMessage("circonus_submission_interval \"0s\": the interval must be positive");
	}

	@Test
	void checkIdThatIsNotANumberIsAStartUpErrorWordedAsGo() {
		TelemetryProperties telemetry = new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false,
				false, new Secret("token"), "", "", "", "", "abc", "", "", "", "", "");
		assertThatIllegalArgumentException().isThrownBy(() -> CirconusSettings.of(telemetry, "", "dc1", "h"))
			.withMessage("strconv.Atoi: parsing \"abc\": invalid syntax");
	}

	@Test
	void forceMetricActivationIsReadAsGoReadsBooleans() {
		TelemetryProperties telemetry = new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false,
				false, new Secret("token"), "", "", "", "", "", "T", "", "", "", "");
		assertThat(CirconusSettings.of(telemetry, "", "dc1", "h").forceMetricActivation()).isTrue();
		TelemetryProperties wrong = new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false,
				false, new Secret("token"), "", "", "", "", "", "yes", "", "", "", "");
		assertThatIllegalArgumentException().isThrownBy(() -> CirconusSettings.of(wrong, "", "dc1", "h"))
			.withMessage("strconv.ParseBool: parsing \"yes\": invalid syntax");
	}

	@Test
	void submissionUrlWithoutATokenMustBeAnHttpUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CirconusSettings.of(telemetry("", "trap.local/x", "", ""), "", "dc1", "h"))
			.withMessage("circonus_submission_url \"trap.local/x\": not an http or https URL");
	}

	@Test
	void submissionUrlWithATokenMustBeAnHttptrapUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CirconusSettings.of(telemetry("token", "https://trap.local/x", "", ""), "", "dc1", "h"))
			.withMessage("[ERROR] Invalid submission URL 'https://trap.local/x', unrecognized path");
	}

	@Test
	void toStringLeavesTheTokenOut() {
		CirconusSettings settings = CirconusSettings.of(telemetry("s3cr3t-token", "", "", ""), "", "dc1", "h");
		assertThat(settings.toString()).doesNotContain("s3cr3t");
	}

	@Test
	void brokerSelectTagsAreSplit() {
		TelemetryProperties telemetry = new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false,
				false, new Secret("token"), "", "", "", "", "", "", "", "", "7", "dc:east, tier:1");
		CirconusSettings settings = CirconusSettings.of(telemetry, "", "dc1", "h");
		assertThat(settings.brokerId()).isEqualTo(7);
		assertThat(settings.brokerSelectTags()).isEqualTo(List.of("dc:east", "tier:1"));
	}

	static TelemetryProperties telemetry(String token, String submissionUrl, String interval, String apiUrl) {
		return new TelemetryProperties("", "", "", false, GoDuration.valueOf("1s"), false, false, new Secret(token), "",
				apiUrl, interval, submissionUrl, "", "", "", "", "", "");
	}

}
