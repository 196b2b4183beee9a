package org.nomadagent.telemetry;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends statsd lines over TCP to statsite ({@code statsite_address}), as go-metrics'
 * {@code StatsiteSink} does: each line ends with a newline, lines go through a 4 KiB buffer that
 * is written when full and at each flush, and a lost connection is made again after the
 * reconnect wait. Before each flush the sender checks whether the daemon closed the connection
 * (a statsite that restarted), so that it reconnects at once instead of losing the next buffer.
 */
final class TcpLineSender extends LineSender {

	/** The size of Go's {@code bufio.Writer}. */
	static final int BUFFER_SIZE = 4096;

	private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);

	private final ByteBuffer probe = ByteBuffer.allocate(64);

	private final int connectTimeoutMillis;

	private volatile SocketChannel channel;

	/**
	 * Creates a sender; {@link #start()} it.
	 * @param sink the sink's name in log lines ({@code statsite})
	 * @param address the daemon's address
	 * @param timings the periods; connecting gives up after the reconnect wait
	 */
	TcpLineSender(String sink, SinkAddress address, TelemetryTimings timings) {
		super(sink, address, timings);
		this.connectTimeoutMillis = (int) Math.max(timings.reconnect().toMillis(), 100);
	}

	@Override
	void connect() throws IOException {
		SocketChannel opened = SocketChannel.open();
		try {
			opened.socket().connect(this.address.resolve(), this.connectTimeoutMillis);
		}
		catch (IOException ex) {
			opened.close();
			throw ex;
		}
		this.buffer.clear();
		this.channel = opened;
	}

	@Override
	void write(String line) throws IOException {
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		int offset = 0;
		while (offset < bytes.length) {
			if (!this.buffer.hasRemaining()) {
				drain();
			}
			int length = Math.min(this.buffer.remaining(), bytes.length - offset);
			this.buffer.put(bytes, offset, length);
			offset += length;
		}
	}

	@Override
	void flush() throws IOException {
		checkStillOpen();
		drain();
	}

	private void drain() throws IOException {
		this.buffer.flip();
		try {
			while (this.buffer.hasRemaining()) {
				this.channel.write(this.buffer);
			}
		}
		finally {
			this.buffer.clear();
		}
	}

	/**
	 * Reads without waiting: statsite never writes, so the end of the stream means that it
	 * closed the connection.
	 */
	private void checkStillOpen() throws IOException {
		SocketChannel open = this.channel;
		open.configureBlocking(false);
		try {
			this.probe.clear();
			if (open.read(this.probe) < 0) {
				throw new SocketException("connection closed by the daemon");
			}
		}
		finally {
			open.configureBlocking(true);
		}
	}

	@Override
	void disconnect() {
		SocketChannel open = this.channel;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// Nothing to do: the connection is gone either way.
			}
		}
	}

}
