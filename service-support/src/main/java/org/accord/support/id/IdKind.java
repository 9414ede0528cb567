package org.accord.support.id;

import java.util.regex.Pattern;

/**
 * The kinds of id the platform hands out, each with the one spelling it makes them in: MongoDB ObjectIds as 24
 * lower-case hex digits, UUIDs in their lower-case 8-4-4-4-12 form. Any other spelling names nothing.
 */
public enum IdKind {

    CASE(Format.OBJECT_ID),
    ACTION(Format.OBJECT_ID),
    DELIVERY(Format.OBJECT_ID),
    INBOX_ITEM(Format.UUID),
    EVENT(Format.UUID);

    /** The canonical spellings, also for {@code @Pattern} on fields that stay strings, such as stored events. */
    public static final class Format {
        public static final String OBJECT_ID = "[0-9a-f]{24}";
        public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

        private Format() {
        }
    }

    private final Pattern canonical;

    IdKind(String format) {
        this.canonical = Pattern.compile(format);
    }

    /** The kind of the id type {@code type}, or {@code null} when it is not one. */
    public static IdKind ofType(Class<?> type) {
        if (type == CaseId.class) {
            return CASE;
        }
        if (type == ActionId.class) {
            return ACTION;
        }
        if (type == DeliveryId.class) {
            return DELIVERY;
        }
        if (type == InboxItemId.class) {
            return INBOX_ITEM;
        }
        return type == EventId.class ? EVENT : null;
    }

    /** The id as given when it is written exactly as the platform writes ids of this kind; else it names nothing. */
    String require(String raw) {
        if (raw == null || !canonical.matcher(raw).matches()) {
            throw new UnknownIdException(this);
        }
        return raw;
    }
}
