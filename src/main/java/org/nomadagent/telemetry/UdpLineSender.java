package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends statsd lines over UDP. For statsd ({@code statsd_address}) lines are batched as
 * go-metrics' {@code StatsdSink} batches them: each line ends with a newline, and a datagram is
 * sent when the next line would make it longer than 1,400 bytes, or at each flush. For DogStatsD
 * ({@code datadog_address}) each line is a datagram of its own, without a newline, as the
 * {@code datadog-go} client Nomad uses sends them.
 * <p>
 * The socket is not connected, so a daemon that is not listening costs nothing: the datagrams
 * are lost, as UDP metrics are, and the agent never waits.
 */
final class UdpLineSender extends LineSender {

	/** go-metrics' {@code statsdMaxLen}. */
	static final int MAX_PACKET = 1400;

	private final boolean batched;

	private final ByteBuffer packet = ByteBuffer.allocate(65_507);

	private DatagramChannel channel;

	private InetSocketAddress target;

	/**
	 * Creates a sender; {@link #start()} it.
	 * @param sink the sink's name in log lines ({@code statsd}, {@code datadog})
	 * @param address the daemon's address
	 * @param batched whether lines are batched into datagrams with newlines (statsd) or sent one
	 * a datagram (DogStatsD)
	 * @param timings the periods
	 */
	UdpLineSender(String sink, SinkAddress address, boolean batched, TelemetryTimings timings) {
		super(sink, address, timings);
		this.batched = batched;
	}

	@Override
	void connect() throws IOException {
		this.target = this.address.resolve();
		this.channel = DatagramChannel.open();
		this.packet.clear();
	}

	@Override
	void write(String line) throws IOException {
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		if (!this.batched) {
			this.channel.send(ByteBuffer.wrap(bytes), this.target);
			return;
		}
		if (this.packet.position() > 0 && this.packet.position() + bytes.length + 1 > MAX_PACKET) {
			flush();
		}
		if (bytes.length + 1 > this.packet.remaining()) {
			// Longer than any datagram can be: go-metrics would fail to send it, too.
			return;
		}
		this.packet.put(bytes).put((byte) '\n');
	}

	@Override
	void flush() throws IOException {
		if (this.packet.position() == 0) {
			return;
		}
		this.packet.flip();
		try {
			this.channel.send(this.packet, this.target);
		}
		finally {
			this.packet.clear();
		}
	}

	@Override
	void disconnect() {
		DatagramChannel open = this.channel;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// Nothing to do: the channel is gone either way.
			}
		}
	}

}
