package org.accord.support.id;

/**
 * An id that is not written in its kind's canonical form. It names nothing, so every service answers it exactly as
 * it answers a well-formed id of that kind that does not exist, and does nothing else with it.
 */
public class UnknownIdException extends IllegalArgumentException {

    private final IdKind kind;

    public UnknownIdException(IdKind kind) {
        super("not a " + kind.name().toLowerCase().replace('_', ' ') + " id in canonical form");
        this.kind = kind;
    }

    public IdKind kind() {
        return kind;
    }
}
