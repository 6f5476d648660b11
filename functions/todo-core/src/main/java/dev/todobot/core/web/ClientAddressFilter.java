package dev.todobot.core.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Finds the address of the client behind a request and hands it to the functions in the
 * Reactor context ({@link #current()}), for throttling by address.
 * <p>
 * A function is reached through proxies: Kourier's Envoy, Knative's activator (while
 * scaled to zero) and queue-proxy, the web container's nginx, or the local gateway. A
 * proxy appends the address it was connected from to {@code X-Forwarded-For} (the nginx
 * template does; Envoy and Go's reverse proxy can), and a client can write entries there
 * too. So the address is read from the right: the connection's peer, then each entry
 * leftwards for as long as the address is one of the trusted proxies' networks; the first
 * address outside them is the client, as a proxy we trust saw it. A number of hops to
 * trust would not do: the activator is in the path only while a function is scaled to
 * zero. The trusted networks are loopback and the private ranges by default, where
 * cluster pods and local gateways live; where clients reach the cluster's ingress from a
 * private address themselves (a load balancer that hides their address, or a network of
 * one's own), name only the cluster's pod and node networks ({@code TRUSTED_PROXIES}),
 * else such a client could choose its address.
 * <p>
 * An IPv6 client is known by its /64 network: one end network is usually given a whole
 * /64, so one address each would let a single client be any number of clients.
 */
public class ClientAddressFilter implements WebFilter {

	/** Loopback, private, shared (carrier-grade NAT), link-local and unique local. */
	public static final String DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,"
			+ "100.64.0.0/10,169.254.0.0/16,::1/128,fc00::/7,fe80::/10";

	private static final String CONTEXT_KEY = ClientAddressFilter.class.getName();

	/** The longest entry kept as an address: the longest IPv6 text form. */
	private static final int MAX_ADDRESS = 45;

	private final List<IpSubnetFilterRule> trusted;

	/**
	 * @param trustedProxies the networks of proxies whose {@code X-Forwarded-For} entries
	 * are believed, comma-separated in CIDR notation
	 */
	public ClientAddressFilter(String trustedProxies) {
		this.trusted = Arrays.stream(trustedProxies.split(","))
			.map(String::strip)
			.filter((network) -> !network.isEmpty())
			.map(ClientAddressFilter::network)
			.toList();
	}

	/**
	 * The address of the client of the request being served.
	 * @return the address, or an error outside a request that went through this filter
	 */
	public static Mono<String> current() {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.<String>getOrEmpty(CONTEXT_KEY)))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No client address outside an HTTP request")));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		String address = clientAddress((peer != null) ? peer.getAddress() : null,
				exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For"));
		return chain.filter(exchange).contextWrite((context) -> context.put(CONTEXT_KEY, address));
	}

	/**
	 * The client's address.
	 * @param peer the address the connection came from, if known
	 * @param forwardedFor the {@code X-Forwarded-For} entries, in order
	 * @return the address of the client, as the first untrusted hop from the right saw it
	 */
	String clientAddress(InetAddress peer, List<String> forwardedFor) {
		List<String> hops = new ArrayList<>(forwardedFor);
		hops.add((peer != null) ? peer.getHostAddress() : "unknown");
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			InetAddress ip = parse(hop);
			if (ip == null) {
				// not written by a proxy; a proxy we trust passed it on from its client
				return hop.substring(0, Math.min(hop.length(), MAX_ADDRESS)).toLowerCase(Locale.ROOT);
			}
			if (i == 0 || !isTrusted(ip)) {
				return key(ip);
			}
		}
		throw new IllegalStateException("unreachable: the peer is always a hop");
	}

	private boolean isTrusted(InetAddress ip) {
		InetSocketAddress address = new InetSocketAddress(ip, 0);
		return this.trusted.stream().anyMatch((network) -> network.matches(address));
	}

	/**
	 * An entry of {@code X-Forwarded-For} as an address: {@code 192.0.2.1},
	 * {@code 2001:db8::1}, or either with a port as some proxies write it
	 * ({@code 192.0.2.1:443}, {@code [2001:db8::1]:443}).
	 */
	private static InetAddress parse(String hop) {
		String text = hop;
		if (text.startsWith("[") && text.indexOf(']') > 0) {
			text = text.substring(1, text.indexOf(']'));
		}
		else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
			text = text.substring(0, text.indexOf(':'));
		}
		return NetUtil.createInetAddressFromIpAddressString(text);
	}

	private static String key(InetAddress ip) {
		if (ip.getAddress().length == 16) {
			byte[] network = Arrays.copyOf(ip.getAddress(), 16);
			Arrays.fill(network, 8, 16, (byte) 0);
			return NetUtil.bytesToIpAddress(network) + "/64";
		}
		return ip.getHostAddress();
	}

	private static IpSubnetFilterRule network(String cidr) {
		int slash = cidr.indexOf('/');
		try {
			InetAddress address = NetUtil
				.createInetAddressFromIpAddressString((slash > 0) ? cidr.substring(0, slash) : cidr);
			if (address == null) {
				throw new IllegalArgumentException("not an IP address");
			}
			int prefix = (slash > 0) ? Integer.parseInt(cidr.substring(slash + 1)) : address.getAddress().length * 8;
			return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("TRUSTED_PROXIES: '" + cidr + "' is not a network such as 10.0.0.0/8",
					ex);
		}
	}

}
