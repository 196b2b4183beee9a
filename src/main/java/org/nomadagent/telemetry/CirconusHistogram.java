package org.nomadagent.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Circonus' log-linear histogram ({@code circonusllhist}): each value falls into a bin of two
 * significant digits ({@code 12.3} into the bin {@code 12}, {@code 0.0456} into {@code 0.045}),
 * and the histogram is submitted as its bins, {@code H[1.2e+01]=3}, lowest first.
 */
final class CirconusHistogram {

	/** Bin value (two significant digits) to count, in value order. */
	private final Map<Double, Long> bins = new TreeMap<>();

	/**
	 * Records a value; infinite and NaN values are not recorded.
	 */
	void record(double value) {
		if (Double.isFinite(value)) {
			this.bins.merge(bin(value), 1L, Long::sum);
		}
	}

	/**
	 * Returns whether nothing was recorded.
	 */
	boolean isEmpty() {
		return this.bins.isEmpty();
	}

	/**
	 * Returns the bins as the library submits them ({@code DecStrings}).
	 */
	List<String> bins() {
		List<String> out = new ArrayList<>(this.bins.size());
		this.bins.forEach((bin, count) -> out.add("H[" + String.format(Locale.ROOT, "%.1e", bin) + "]=" + count));
		return out;
	}

	/**
	 * Returns the bin of a value: its first two significant digits, as {@code SetFromFloat64}
	 * computes them; 0 for zero and for values too small for an 8-bit exponent.
	 */
	static double bin(double value) {
		if (value == 0) {
			return 0;
		}
		double magnitude = Math.abs(value);
		int exponent = (int) Math.floor(Math.log10(magnitude));
		if (exponent < -128 || exponent > 127) {
			return (exponent < 0) ? 0 : Double.NaN;
		}
		int digits = (int) Math.floor(magnitude / powerOfTen(exponent) * 10 + 1e-13);
		if (digits == 100) {
			digits = 10;
			exponent++;
		}
		if (digits < 10 || digits > 99) {
			return 0;
		}
		return Math.copySign(digits / 10.0 * powerOfTen(exponent), value);
	}

	private static double powerOfTen(int exponent) {
		// The library's table holds the literals 1e-128 ... 1e+127; parsing them gives the same doubles.
		return Double.parseDouble("1e" + exponent);
	}

}
