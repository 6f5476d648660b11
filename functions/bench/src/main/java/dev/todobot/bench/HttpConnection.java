package dev.todobot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection to the loopback address: it
 * writes prepared request bytes and reads the response (Content-Length or chunked). So
 * cheap that the load generator leaves the two cores to the function it measures.
 */
final class HttpConnection implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private boolean open = true;

	private HttpConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
		this.out = socket.getOutputStream();
	}

	/**
	 * Connects to a port on the loopback address.
	 * @param port the port
	 * @param timeout how long one response may take
	 * @return the connection
	 * @throws IOException when nothing listens there
	 */
	static HttpConnection open(int port, Duration timeout) throws IOException {
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			socket.setSoTimeout((int) timeout.toMillis());
			return new HttpConnection(socket);
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Sends one request and reads its response.
	 * @param request the encoded request
	 * @return the response
	 */
	HttpResponse exchange(byte[] request) throws IOException {
		this.out.write(request);
		this.out.flush();
		String statusLine = readLine();
		if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP response: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		String line;
		while (!(line = readLine()).isEmpty()) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> this.open = !value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] body;
		if (chunked) {
			body = readChunked();
		}
		else if (contentLength >= 0) {
			body = this.in.readNBytes((int) contentLength);
			if (body.length < contentLength) {
				throw new EOFException("the body ended early");
			}
		}
		else {
			body = this.in.readAllBytes();
			this.open = false;
		}
		return new HttpResponse(status, body);
	}

	/**
	 * Whether the server keeps the connection open for another request.
	 * @return {@code false} after {@code Connection: close}
	 */
	boolean reusable() {
		return this.open;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine();
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0) ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(),
					16);
			if (size == 0) {
				while (!readLine().isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			byte[] chunk = this.in.readNBytes(size);
			if (chunk.length < size) {
				throw new EOFException("a chunk ended early");
			}
			body.writeBytes(chunk);
			readLine();
		}
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		int b;
		while ((b = this.in.read()) != -1) {
			if (b == '\n') {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
		throw new EOFException("the connection closed");
	}

}
