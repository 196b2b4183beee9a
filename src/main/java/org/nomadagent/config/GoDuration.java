package org.nomadagent.config;

import java.time.Duration;
import java.util.Map;

import org.nomadagent.config.hcl.GoStrconv;

/**
 * A duration written as Go writes durations ({@code 30s}, {@code 1h30m}, {@code 1.5h},
 * {@code 250ms}), together with the text as written: Nomad keeps most durations as text and
 * shows that text back in its API.
 *
 * @param text the duration as written
 * @param duration the parsed duration
 */
public record GoDuration(String text, Duration duration) {

	private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
			"\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

	/**
	 * Parses a duration as Go's {@code time.ParseDuration} does: an optional sign, then one or
	 * more decimal numbers each followed by a unit ({@code ns}, {@code us}, {@code µs},
	 * {@code ms}, {@code s}, {@code m}, {@code h}). A bare {@code 0} is allowed.
	 * @param text the text to parse; must not be {@literal null}
	 * @return the duration
	 * @throws InvalidDurationException worded as Go words it, for example
	 * {@code time: missing unit in duration "5"}
	 */
	public static GoDuration parse(String text) throws InvalidDurationException {
		return new GoDuration(text, Duration.ofNanos(parseNanos(text)));
	}

	/**
	 * Binds a duration from its text; used by Spring's conversion service.
	 * @param text the text
	 * @return the duration
	 * @throws IllegalArgumentException if the text is not a Go duration
	 */
	public static GoDuration valueOf(String text) {
		try {
			return parse(text);
		}
		catch (InvalidDurationException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the duration in nanoseconds, parsed as {@link #parse(String)} does.
	 * @param text the text to parse
	 * @return the nanoseconds
	 * @throws InvalidDurationException if the text is not a Go duration
	 */
	public static long parseNanos(String text) throws InvalidDurationException {
		String s = text;
		boolean negative = false;
		if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
			negative = s.charAt(0) == '-';
			s = s.substring(1);
		}
		if (s.equals("0")) {
			return 0;
		}
		if (s.isEmpty()) {
			throw invalid(text);
		}
		long total = 0;
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (!(c == '.' || (c >= '0' && c <= '9'))) {
				throw invalid(text);
			}
			int start = i;
			long whole = 0;
			while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
				if (whole > (Long.MAX_VALUE - 9) / 10) {
					throw invalid(text);
				}
				whole = whole * 10 + (s.charAt(i) - '0');
				i++;
			}
			boolean digitsBefore = i > start;
			long fraction = 0;
			double scale = 1;
			boolean digitsAfter = false;
			if (i < s.length() && s.charAt(i) == '.') {
				i++;
				int fractionStart = i;
				boolean overflow = false;
				while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
					if (!overflow && fraction <= (Long.MAX_VALUE - 9) / 10) {
						fraction = fraction * 10 + (s.charAt(i) - '0');
						scale *= 10;
					}
					else {
						overflow = true;
					}
					i++;
				}
				digitsAfter = i > fractionStart;
			}
			if (!digitsBefore && !digitsAfter) {
				throw invalid(text);
			}
			int unitStart = i;
			while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
				i++;
			}
			if (i == unitStart) {
				throw new InvalidDurationException("time: missing unit in duration " + GoStrconv.quote(text));
			}
			String unitText = s.substring(unitStart, i);
			Long unit = UNITS.get(unitText);
			if (unit == null) {
				throw new InvalidDurationException(
						"time: unknown unit " + GoStrconv.quote(unitText) + " in duration " + GoStrconv.quote(text));
			}
			if (whole > Long.MAX_VALUE / unit) {
				throw invalid(text);
			}
			long value = whole * unit;
			if (fraction > 0) {
				value += (long) (fraction * (unit / scale));
				if (value < 0) {
					throw invalid(text);
				}
			}
			total += value;
			if (total < 0) {
				throw invalid(text);
			}
		}
		return negative ? -total : total;
	}

	/**
	 * Formats a duration as Go's {@code time.Duration.String()} does ({@code 1h30m0s},
	 * {@code 1.5s}, {@code 250ms}, {@code 0s}).
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(Duration duration) {
		long nanos = duration.toNanos();
		if (nanos == 0) {
			return "0s";
		}
		boolean negative = nanos < 0;
		long u = Math.abs(nanos);
		String text;
		if (u < 1_000_000_000L) {
			if (u < 1_000) {
				text = u + "ns";
			}
			else if (u < 1_000_000) {
				text = decimal(u, 3) + "\u00b5s";
			}
			else {
				text = decimal(u, 6) + "ms";
			}
		}
		else {
			StringBuilder out = new StringBuilder();
			long hours = u / 3_600_000_000_000L;
			long minutes = (u / 60_000_000_000L) % 60;
			if (hours > 0) {
				out.append(hours).append('h');
			}
			if (hours > 0 || minutes > 0) {
				out.append(minutes).append('m');
			}
			out.append(decimal(u % 60_000_000_000L, 9)).append('s');
			text = out.toString();
		}
		return negative ? "-" + text : text;
	}

	private static String decimal(long value, int fractionDigits) {
		long divisor = (long) Math.pow(10, fractionDigits);
		long whole = value / divisor;
		long fraction = value % divisor;
		if (fraction == 0) {
			return Long.toString(whole);
		}
		String digits = String.format("%0" + fractionDigits + "d", fraction).replaceAll("0+$", "");
		return whole + "." + digits;
	}

	private static InvalidDurationException invalid(String text) {
		return new InvalidDurationException("time: invalid duration " + GoStrconv.quote(text));
	}

	/**
	 * Returns the text as written.
	 */
	@Override
	public String toString() {
		return this.text;
	}

	/**
	 * Text that is not a Go duration, worded as Go words it.
	 */
	public static final class InvalidDurationException extends Exception {

		InvalidDurationException(String message) {
			super(message);
		}

	}

}
