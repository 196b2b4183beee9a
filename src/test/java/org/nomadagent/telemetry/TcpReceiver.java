package org.nomadagent.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP metrics receiver on a loopback port that keeps every line it reads, the stand-in of a
 * statsite daemon. Closing it closes the connections it accepted, as a daemon that stops does.
 */
final class TcpReceiver implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	TcpReceiver() {
		this(0);
	}

	/**
	 * Listens on a port.
	 * @param port the port, 0 for any
	 */
	TcpReceiver(int port) {
		try {
			this.server = new ServerSocket();
			this.server.setReuseAddress(true);
			this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread thread = new Thread(this::accept, "tcp-receiver");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	String address() {
		return "127.0.0.1:" + port();
	}

	/**
	 * Returns the complete lines read so far, in order.
	 */
	List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Returns the number of connections accepted.
	 */
	int connections() {
		return this.connections.size();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.add(socket);
				Thread reader = new Thread(() -> read(socket), "tcp-receiver-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void read(Socket socket) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// The connection or the receiver closed.
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
			for (Socket socket : this.connections) {
				socket.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
