package org.nomadagent.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP metrics receiver on a random loopback port that keeps every datagram it gets, the stand-in
 * of a statsd or DogStatsD daemon.
 */
final class UdpReceiver implements AutoCloseable {

	private final DatagramSocket socket;

	private final List<String> datagrams = new CopyOnWriteArrayList<>();

	private final Thread thread;

	UdpReceiver() {
		try {
			this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
		this.thread = new Thread(this::receive, "udp-receiver");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Returns the address to configure, {@code 127.0.0.1:port}.
	 */
	String address() {
		return "127.0.0.1:" + this.socket.getLocalPort();
	}

	/**
	 * Returns the datagrams received so far, in order.
	 */
	List<String> datagrams() {
		return List.copyOf(this.datagrams);
	}

	/**
	 * Returns the lines received so far: the datagrams split at newlines.
	 */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (String datagram : this.datagrams) {
			for (String line : datagram.split("\n")) {
				if (!line.isEmpty()) {
					lines.add(line);
				}
			}
		}
		return lines;
	}

	private void receive() {
		byte[] buffer = new byte[65_535];
		while (!this.socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.socket.receive(packet);
				this.datagrams.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
