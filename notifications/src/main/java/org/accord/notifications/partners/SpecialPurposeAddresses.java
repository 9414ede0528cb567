package org.accord.notifications.partners;

import org.accord.notifications.partners.Cidr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The special-purpose address blocks webhooks are judged by, read from {@value #RESOURCE}: the rows of the IANA IPv4
 * and IPv6 special-purpose address registries, kept as data so that following the registries means editing that
 * file, not the code.
 */
final class SpecialPurposeAddresses {

    static final String RESOURCE = "webhook/special-purpose-addresses.txt";

    /** One row: {@code globallyReachable} is the registry's own column, {@code True}, {@code False} or {@code N/A}. */
    record Block(String registry, Cidr block, String name, String rfc, String globallyReachable) {

        boolean reachable() {
            return "True".equals(globallyReachable);
        }

        @Override
        public String toString() {
            return block + " (" + name + ", " + rfc + ")";
        }
    }

    private final List<Block> blocks;

    private SpecialPurposeAddresses(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The registries as this service ships them. */
    static SpecialPurposeAddresses shipped() {
        try (InputStream in = SpecialPurposeAddresses.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }

    static SpecialPurposeAddresses parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (String line : lines) {
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(row.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length != 5 || !List.of("True", "False", "N/A").contains(cells[4])) {
                throw new IllegalStateException(RESOURCE + " has a row it cannot read: " + row);
            }
            blocks.add(new Block(cells[0], Cidr.parse(cells[1]), cells[2], cells[3], cells[4]));
        }
        return new SpecialPurposeAddresses(blocks);
    }

    List<Block> blocks() {
        return blocks;
    }

    /** The most specific block that holds the address (4 bytes IPv4, 16 bytes IPv6), if any does. */
    Optional<Block> mostSpecific(byte[] address) {
        Block found = null;
        for (Block block : blocks) {
            if (block.block().contains(address)
                    && (found == null || block.block().prefixLength() > found.block().prefixLength())) {
                found = block;
            }
        }
        return Optional.ofNullable(found);
    }
}
