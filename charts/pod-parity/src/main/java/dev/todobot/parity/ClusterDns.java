package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Stands for kube-dns: answers A queries for the cluster's names (the Knative Services'
 * {@code *.svc.cluster.local} names, the PostgreSQL Service, kube-dns itself, an external
 * database's host) over UDP on port 53 of the node's bridge address. Pods find it through
 * their {@code /etc/resolv.conf}, and nginx through its {@code resolver} directive, so
 * that nothing in their configuration is rewritten. Any other name is NXDOMAIN; a known
 * name has no AAAA record.
 */
final class ClusterDns implements AutoCloseable {

	/** Seconds a client may keep an answer. kube-dns answers with 5 or 30. */
	private static final long TTL = 5;

	private final Map<String, InetAddress> names = new ConcurrentHashMap<>();

	private final DatagramSocket socket;

	private final Thread thread;

	private ClusterDns(DatagramSocket socket) {
		this.socket = socket;
		this.thread = Thread.ofPlatform().daemon().name("cluster-dns").start(this::serve);
	}

	static ClusterDns start(String address) {
		try {
			return new ClusterDns(new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 53)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot listen on " + address + ":53", ex);
		}
	}

	/**
	 * Adds or changes a name.
	 * @param name a fully qualified name, such as {@code todo.todo.svc.cluster.local}
	 * @param address its IPv4 address
	 */
	void put(String name, String address) {
		try {
			this.names.put(normalize(name), InetAddress.getByName(address));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String normalize(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower : lower + ".";
	}

	private void serve() {
		byte[] buffer = new byte[512];
		while (!this.socket.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				this.socket.receive(packet);
				byte[] answer = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
				if (answer != null) {
					this.socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
				}
			}
			catch (IOException ex) {
				// closed, or one bad packet: the resolver retries
			}
		}
	}

	private byte[] answer(byte[] query) {
		Message request;
		try {
			request = new Message(query);
		}
		catch (IOException ex) {
			return null;
		}
		Record question = request.getQuestion();
		Message response = new Message(request.getHeader().getID());
		response.getHeader().setFlag(Flags.QR);
		response.getHeader().setFlag(Flags.AA);
		response.getHeader().setFlag(Flags.RA);
		if (request.getHeader().getFlag(Flags.RD)) {
			response.getHeader().setFlag(Flags.RD);
		}
		if (question == null) {
			response.getHeader().setRcode(Rcode.FORMERR);
			return response.toWire();
		}
		response.addRecord(question, Section.QUESTION);
		Name name = question.getName();
		InetAddress address = this.names.get(normalize(name.toString()));
		if (address == null) {
			response.getHeader().setRcode(Rcode.NXDOMAIN);
		}
		else if (question.getType() == Type.A) {
			response.addRecord(new ARecord(name, DClass.IN, TTL, address), Section.ANSWER);
		}
		return response.toWire();
	}

	@Override
	public void close() {
		this.socket.close();
		this.thread.interrupt();
	}

}
