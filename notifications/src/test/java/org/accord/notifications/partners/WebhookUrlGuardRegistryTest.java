package org.accord.notifications.partners;

import org.accord.notifications.partners.SpecialPurposeAddresses;
import org.accord.notifications.partners.Cidr;
import org.accord.notifications.partners.WebhookUrlGuard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks the special-purpose address registries as the service ships them: the first, a middle and the last address
 * of every block that is not globally reachable are refused, written in the URL and when a partner's name resolves
 * to them (as it does when a webhook is set and again when it is sent); globally reachable blocks and ordinary public
 * addresses are accepted.
 */
class WebhookUrlGuardRegistryTest {

    private static final SpecialPurposeAddresses REGISTRY = SpecialPurposeAddresses.shipped();
    private static final String PROBE = "probe.partner.example";

    @Test
    void theShippedRegistryHoldsBothIanaRegistriesAndTheBlocksThatAreNotUnicast() {
        List<String> blocks = REGISTRY.blocks().stream().map(block -> block.block().text()).toList();
        assertThat(blocks).contains("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
                "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32",
                "224.0.0.0/4", "::1/128", "::/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64",
                "2001::/23", "2001::/32", "2001:db8::/32", "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7",
                "fe80::/10", "ff00::/8");
        assertThat(REGISTRY.blocks()).filteredOn(SpecialPurposeAddresses.Block::reachable)
                .extracting(block -> block.block().text())
                .containsExactlyInAnyOrder("192.0.0.9/32", "192.0.0.10/32", "192.31.196.0/24", "192.52.193.0/24",
                        "192.175.48.0/24", "64:ff9b::/96", "2001:1::1/128", "2001:1::2/128", "2001:1::3/128",
                        "2001:3::/32", "2001:4:112::/48", "2001:20::/28", "2001:30::/28", "2620:4f:8000::/48");
        assertThat(REGISTRY.blocks()).filteredOn(block -> block.globallyReachable().equals("N/A"))
                .extracting(block -> block.block().text())
                .containsExactlyInAnyOrder("192.88.99.0/24", "2001::/32", "2001:10::/28", "2002::/16");
    }

    static Stream<Arguments> refusedBlocks() {
        return probes(REGISTRY.blocks().stream().filter(block -> !block.reachable()).toList());
    }

    static Stream<Arguments> reachableBlocks() {
        return probes(REGISTRY.blocks().stream().filter(SpecialPurposeAddresses.Block::reachable)
                // NAT64's well-known prefix is judged by the IPv4 address inside; its walk is below.
                .filter(block -> !block.block().text().equals("64:ff9b::/96")).toList());
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("refusedBlocks")
    void everyAddressOfABlockNotGloballyReachableIsRefusedAsWrittenAndWhenANameResolvesToIt(
            SpecialPurposeAddresses.Block block, String address) {
        WebhookUrlGuard production = guardResolvingTo(false, address);
        assertThatThrownBy(() -> production.check("https://" + urlHost(address) + "/hook")).as(address)
                .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
        assertThatThrownBy(() -> production.check("https://" + PROBE + "/hook")).as(address)
                .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
        // What the webhook sender asks before it connects.
        assertThatThrownBy(() -> production.addressesAllowed(PROBE)).as(address)
                .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("refusedBlocks")
    void theLocalDemonstrationAllowsLoopbackAndNoOtherBlockNotGloballyReachable(SpecialPurposeAddresses.Block block,
            String address) {
        WebhookUrlGuard localDemo = guardResolvingTo(true, address);
        if (block.name().equals("Loopback") || block.name().equals("Loopback Address")) {
            assertThat(localDemo.check("https://" + urlHost(address) + "/hook")).isNotNull();
            assertThat(localDemo.addressesAllowed(PROBE)).hasSize(1);
        } else {
            assertThatThrownBy(() -> localDemo.check("https://" + urlHost(address) + "/hook")).as(address)
                    .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
            assertThatThrownBy(() -> localDemo.addressesAllowed(PROBE)).as(address)
                    .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
        }
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("reachableBlocks")
    void everyAddressOfAGloballyReachableSpecialBlockIsAccepted(SpecialPurposeAddresses.Block block,
            String address) {
        assertAccepted(address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "9.9.9.9", "2606:4700::1111", "2a00:1450:4001:82b::200e",
            "64:ff9b::808:808", "64:ff9b::101:101", "2001:4860:4860::8888" })
    void ordinaryPublicAddressesAreAccepted(String address) {
        assertAccepted(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4-mapped and IPv4-compatible forms.
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:8.8.8.8", "::127.0.0.1",
            "::10.0.0.1", "::169.254.169.254",
            // NAT64: the well-known prefix with an internal IPv4 address inside, and the local-use prefix.
            "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:101", "64:ff9b:1:a00:1::",
            "64:ff9b:1:808:8:800::",
            // 6to4, with an internal or a public IPv4 address inside.
            "2002:7f00:1::", "2002:a00:1::1", "2002:808:808::1",
            // Teredo: server 65.54.227.120, client 10.0.0.1 and 127.0.0.1 written inverted, and a public client.
            "2001:0:4136:e378:8000:63bf:f5ff:fffe", "2001:0:4136:e378:8000:63bf:80ff:fffe",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7" })
    void addressesCarryingAnInternalIpv4AddressOrNamedOnlyForTunnelsAreRefused(String address) {
        WebhookUrlGuard production = guardResolvingTo(false, address);
        WebhookUrlGuard localDemo = guardResolvingTo(true, address);
        for (WebhookUrlGuard guard : List.of(production, localDemo)) {
            assertThatThrownBy(() -> guard.check("https://" + urlHost(address) + "/hook")).as(address)
                    .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
            assertThatThrownBy(() -> guard.addressesAllowed(PROBE)).as(address)
                    .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
        }
    }

    @Test
    void anIpv4AddressInsideTheNat64PrefixDecidesItsAnswer() {
        for (String ipv4 : List.of("10.0.0.1", "100.64.0.1", "127.0.0.1", "169.254.169.254", "192.0.2.1",
                "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "0.0.0.0")) {
            String nat64 = "64:ff9b::" + hexPairs(ipv4);
            assertThatThrownBy(() -> guardResolvingTo(false, nat64).check("https://[" + nat64 + "]/")).as(nat64)
                    .isInstanceOf(WebhookUrlGuard.RefusedUrlException.class);
        }
        for (String ipv4 : List.of("8.8.8.8", "1.1.1.1", "192.0.0.9", "192.31.196.1")) {
            assertAccepted("64:ff9b::" + hexPairs(ipv4));
        }
    }

    private static void assertAccepted(String address) {
        WebhookUrlGuard production = guardResolvingTo(false, address);
        assertThatCode(() -> production.check("https://" + urlHost(address) + "/hook")).as(address)
                .doesNotThrowAnyException();
        assertThatCode(() -> production.check("https://" + PROBE + "/hook")).as(address)
                .doesNotThrowAnyException();
        assertThat(production.addressesAllowed(PROBE)).hasSize(1);
    }

    /** A guard for which {@value #PROBE} resolves to the address, as a partner's DNS would answer. */
    private static WebhookUrlGuard guardResolvingTo(boolean allowLoopback, String address) {
        return new WebhookUrlGuard(allowLoopback, host -> {
            if (!host.equals(PROBE)) {
                throw new UnknownHostException(host);
            }
            byte[] bytes = Cidr.literal(address);
            // As a resolver hands over an AAAA answer: an IPv6 address, whatever it holds.
            return new InetAddress[] { bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1)
                    : InetAddress.getByAddress(bytes) };
        });
    }

    /** The first, a middle and the last address of each block. */
    private static Stream<Arguments> probes(List<SpecialPurposeAddresses.Block> blocks) {
        List<Arguments> probes = new ArrayList<>();
        for (SpecialPurposeAddresses.Block block : blocks) {
            byte[] network = block.block().network();
            int hostBits = network.length * 8 - block.block().prefixLength();
            BigInteger first = new BigInteger(1, network);
            BigInteger size = BigInteger.ONE.shiftLeft(hostBits);
            for (BigInteger address : new java.util.LinkedHashSet<>(List.of(first, first.add(size.shiftRight(1)),
                    first.add(size).subtract(BigInteger.ONE)))) {
                probes.add(Arguments.of(block, text(address, network.length)));
            }
        }
        return probes.stream();
    }

    private static String text(BigInteger address, int length) {
        byte[] raw = address.toByteArray();
        byte[] bytes = new byte[length];
        int copied = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copied, bytes, length - copied, copied);
        if (length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = Integer.toHexString(((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
        }
        return String.join(":", groups);
    }

    private static String urlHost(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static String hexPairs(String ipv4) {
        int[] parts = Arrays.stream(ipv4.split("\\.")).mapToInt(Integer::parseInt).toArray();
        return Integer.toHexString(parts[0] << 8 | parts[1]) + ":" + Integer.toHexString(parts[2] << 8 | parts[3]);
    }
}
