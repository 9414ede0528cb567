package org.accord.notifications.access;

/** The Traffic Light Protocol 2.0 label of a case, and how much of it may leave the platform. */
public enum Tlp {
    CLEAR("TLP:CLEAR"), GREEN("TLP:GREEN"), AMBER("TLP:AMBER"), AMBER_STRICT("TLP:AMBER+STRICT"), RED("TLP:RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The label in its standard written form, as mails and webhooks state it. */
    public String label() {
        return label;
    }

    /** Whether the case's summary and what changed may go out in mails and webhooks. */
    public boolean allowsContent() {
        return this == CLEAR || this == GREEN || this == AMBER;
    }

    /** Whether the case's title may go out. */
    public boolean allowsTitle() {
        return this != RED;
    }
}
