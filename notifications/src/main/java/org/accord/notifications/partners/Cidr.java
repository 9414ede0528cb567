package org.accord.notifications.partners;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of addresses written {@code network/prefix-length}, IPv4 (4 bytes) or IPv6 (16 bytes). */
record Cidr(String text, byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2 || !parts[1].matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException(text + " is not an address block");
        }
        byte[] network = literal(parts[0]);
        int prefixLength = Integer.parseInt(parts[1]);
        if (prefixLength > network.length * 8) {
            throw new IllegalArgumentException(text + " is not an address block");
        }
        return new Cidr(text, network, prefixLength);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
    }

    /**
     * The bytes of an address literal as written: Java reads IPv4-mapped IPv6 literals as IPv4 addresses, which would
     * put {@code ::ffff:0:0/96} among the IPv4 blocks, so an IPv6 literal always gives 16 bytes.
     */
    static byte[] literal(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException(text + " is not an address");
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            if (text.contains(":") && bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text + " is not an address", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
