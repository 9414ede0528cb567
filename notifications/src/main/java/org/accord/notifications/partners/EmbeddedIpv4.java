package org.accord.notifications.partners;

import org.accord.notifications.partners.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries: a packet to it may end up at that IPv4 address (through a NAT64
 * translator, a 6to4 or Teredo relay, or the host's own IPv4 stack), so the IPv6 address is refused when that one is.
 */
final class EmbeddedIpv4 {

    /** One form of IPv6 address and where its IPv4 address sits: the byte offsets, and bits inverted for Teredo. */
    private record Form(Cidr block, int[] at, boolean inverted) {

        Form(String cidr, int[] at, boolean inverted) {
            this(Cidr.parse(cidr), at, inverted);
        }

        byte[] ipv4(byte[] address) {
            byte[] ipv4 = new byte[4];
            for (int i = 0; i < 4; i++) {
                ipv4[i] = (byte) (inverted ? ~address[at[i]] : address[at[i]]);
            }
            return ipv4;
        }
    }

    private static final int[] LAST_FOUR = { 12, 13, 14, 15 };

    private static final List<Form> FORMS = List.of(
            // IPv4-mapped and IPv4-compatible (RFC 4291, Section 2.5.5).
            new Form("::ffff:0:0/96", LAST_FOUR, false),
            new Form("::/96", LAST_FOUR, false),
            // NAT64's well-known prefix (RFC 6052).
            new Form("64:ff9b::/96", LAST_FOUR, false),
            // NAT64's local-use prefix (RFC 8215): a /48 puts the IPv4 address around the reserved octet 8 (RFC 6052, Section 2.2).
            new Form("64:ff9b:1::/48", new int[] { 6, 7, 9, 10 }, false),
            // 6to4 (RFC 3056).
            new Form("2002::/16", new int[] { 2, 3, 4, 5 }, false),
            // The client's own address, each bit inverted (RFC 4380, Section 4).
            new Form("2001::/32", LAST_FOUR, true));

    private EmbeddedIpv4() {
    }

    /** Every IPv4 address inside this IPv6 address (16 bytes); none for an IPv4 address or an ordinary IPv6 one. */
    static List<byte[]> in(byte[] address) {
        List<byte[]> found = new ArrayList<>();
        if (address.length == 16) {
            for (Form form : FORMS) {
                if (form.block().contains(address)) {
                    found.add(form.ipv4(address));
                }
            }
        }
        return found;
    }
}
