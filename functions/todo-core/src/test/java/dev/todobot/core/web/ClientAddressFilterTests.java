package dev.todobot.core.web;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressFilterTests {

	private final ClientAddressFilter defaults = new ClientAddressFilter(ClientAddressFilter.DEFAULT_TRUSTED_PROXIES);

	@Test
	void aClientConnectedDirectlyIsItsOwnAddressWhateverItForwards() throws Exception {
		assertThat(this.defaults.clientAddress(InetAddress.getByName("203.0.113.9"), List.of("198.51.100.1")))
			.isEqualTo("203.0.113.9");
	}

	@Test
	void theFirstAddressOutsideTheTrustedProxiesFromTheRightIsTheClient() throws Exception {
		// as through Kourier, the activator, queue-proxy and nginx
		assertThat(this.defaults.clientAddress(InetAddress.getByName("127.0.0.1"),
				List.of("198.51.100.1", "203.0.113.9", "10.244.0.12", "10.244.0.7", "127.0.0.1")))
			.isEqualTo("203.0.113.9");
	}

	@Test
	void aRequestFromTrustedNetworksOnlyIsKnownByItsFirstAddress() throws Exception {
		assertThat(this.defaults.clientAddress(InetAddress.getByName("127.0.0.1"), List.of("192.168.1.20", "10.0.0.3")))
			.isEqualTo("192.168.1.20");
		assertThat(this.defaults.clientAddress(InetAddress.getByName("127.0.0.1"), List.of())).isEqualTo("127.0.0.1");
	}

	@Test
	void onlyTheConfiguredNetworksAreTrusted() throws Exception {
		ClientAddressFilter loopbackOnly = new ClientAddressFilter("127.0.0.0/8, ::1/128");
		assertThat(loopbackOnly.clientAddress(InetAddress.getByName("127.0.0.1"), List.of("203.0.113.9", "10.0.0.3")))
			.isEqualTo("10.0.0.3");
	}

	@Test
	void anIpv6ClientIsKnownByItsSlash64() throws Exception {
		InetAddress proxy = InetAddress.getByName("127.0.0.1");
		assertThat(this.defaults.clientAddress(proxy, List.of("2001:db8:1:2::1")))
			.isEqualTo(this.defaults.clientAddress(proxy, List.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
			.isEqualTo("2001:db8:1:2::/64");
		assertThat(this.defaults.clientAddress(proxy, List.of("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
	}

	@Test
	void portsSomeProxiesWriteAreLeftOut() throws Exception {
		InetAddress proxy = InetAddress.getByName("127.0.0.1");
		assertThat(this.defaults.clientAddress(proxy, List.of("203.0.113.9:51234"))).isEqualTo("203.0.113.9");
		assertThat(this.defaults.clientAddress(proxy, List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8::/64");
	}

	@Test
	void aNetworkThatIsNotOneIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressFilter("10.0.0.0/8,kourier"))
			.withMessageContaining("'kourier'");
	}

}
