package org.nomadagent.telemetry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CirconusHistogram}: the bins of {@code circonusllhist}.
 */
class CirconusHistogramTests {

	@Test
	void valuesFallIntoBinsOfTwoSignificantDigits() {
		assertThat(CirconusHistogram.bin(12.3)).isEqualTo(12.0);
		assertThat(CirconusHistogram.bin(0.0456)).isEqualTo(0.045);
		assertThat(CirconusHistogram.bin(99.99)).isEqualTo(99.0);
		assertThat(CirconusHistogram.bin(100)).isEqualTo(100.0);
		assertThat(CirconusHistogram.bin(-12.3)).isEqualTo(-12.0);
		assertThat(CirconusHistogram.bin(0)).isEqualTo(0.0);
		assertThat(CirconusHistogram.bin(1e-200)).isEqualTo(0.0);
	}

	@Test
	void binsAreWrittenAsTheLibraryWritesThemLowestFirst() {
		CirconusHistogram histogram = new CirconusHistogram();
		histogram.record(15.25);
		histogram.record(15.9);
		histogram.record(2_000_000);
		histogram.record(0);
		histogram.record(0.5);
		histogram.record(-3);
		assertThat(histogram.bins()).containsExactly("H[-3.0e+00]=1", "H[0.0e+00]=1", "H[5.0e-01]=1", "H[1.5e+01]=2",
				"H[2.0e+06]=1");
	}

	@Test
	void infiniteValuesAreNotRecorded() {
		CirconusHistogram histogram = new CirconusHistogram();
		histogram.record(Double.POSITIVE_INFINITY);
		histogram.record(Double.NaN);
		assertThat(histogram.isEmpty()).isTrue();
	}

}
