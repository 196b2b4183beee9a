package org.nomadagent.agent;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Sends the agent's log lines to syslog as Nomad does with {@code enable_syslog} (reference
 * §12.3): tag {@code nomad}, the configured facility, Nomad's level-to-priority mapping (TRACE to
 * debug, DEBUG to info, INFO to notice, WARN to warning, ERR to err), and the message without the
 * timestamp and level. Java cannot write to the local {@code /dev/log} datagram socket, so lines
 * go over UDP (RFC 3164) to the local syslog daemon, whose UDP input must be on.
 */
final class SyslogAppender extends AppenderBase<ILoggingEvent> {

	private static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("KERN", 0), Map.entry("USER", 1),
			Map.entry("MAIL", 2), Map.entry("DAEMON", 3), Map.entry("AUTH", 4), Map.entry("SYSLOG", 5),
			Map.entry("LPR", 6), Map.entry("NEWS", 7), Map.entry("UUCP", 8), Map.entry("CRON", 9),
			Map.entry("AUTHPRIV", 10), Map.entry("FTP", 11), Map.entry("LOCAL0", 16), Map.entry("LOCAL1", 17),
			Map.entry("LOCAL2", 18), Map.entry("LOCAL3", 19), Map.entry("LOCAL4", 20), Map.entry("LOCAL5", 21),
			Map.entry("LOCAL6", 22), Map.entry("LOCAL7", 23));

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

	private final int facility;

	private final InetSocketAddress target;

	private final String hostName;

	private final long pid = ProcessHandle.current().pid();

	private DatagramSocket socket;

	/**
	 * Creates the appender.
	 * @param facility the syslog facility name, checked by the configuration validation
	 * @param target where the syslog daemon listens
	 * @param hostName the host name written in each line
	 */
	SyslogAppender(String facility, InetSocketAddress target, String hostName) {
		this.facility = FACILITIES.get(facility.toUpperCase(Locale.ROOT));
		this.target = target;
		this.hostName = hostName;
		setName("nomad-syslog");
	}

	@Override
	public void start() {
		try {
			this.socket = new DatagramSocket();
			super.start();
		}
		catch (SocketException ex) {
			addError("cannot open a UDP socket for syslog", ex);
		}
	}

	@Override
	public void stop() {
		super.stop();
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		byte[] line = format(event).getBytes(StandardCharsets.UTF_8);
		try {
			this.socket.send(new DatagramPacket(line, line.length, this.target));
		}
		catch (IOException ex) {
			// A syslog daemon that is gone must not stop the agent; Logback reports it once.
			addError("cannot send to syslog at " + this.target, ex);
		}
	}

	String format(ILoggingEvent event) {
		int priority = this.facility * 8 + severity(event.getLevel());
		return "<" + priority + ">" + TIMESTAMP.format(ZonedDateTime.now()) + " " + this.hostName + " nomad[" + this.pid
				+ "]: " + event.getFormattedMessage();
	}

	/**
	 * Nomad's mapping of its levels to syslog severities.
	 */
	static int severity(Level level) {
		return switch (level.toInt()) {
			case Level.TRACE_INT -> 7;
			case Level.DEBUG_INT -> 6;
			case Level.INFO_INT -> 5;
			case Level.WARN_INT -> 4;
			case Level.ERROR_INT -> 3;
			default -> 5;
		};
	}

}
