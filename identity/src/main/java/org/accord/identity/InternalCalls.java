package org.accord.identity;

import java.util.EnumMap;
import java.util.Map;

/**
 * A service's internal calls under {@code /internal/**}, each with its {@link InternalGrant}: what every access
 * policy decides for the platform's own clients, written once.
 */
public final class InternalCalls<C extends Enum<C>> {

    private final Map<C, InternalGrant> grants;

    /** @throws IllegalArgumentException when a call has no grant, so no call is ever open by omission */
    public InternalCalls(Class<C> calls, Map<C, InternalGrant> grants) {
        this.grants = new EnumMap<>(grants);
        for (C call : calls.getEnumConstants()) {
            if (!this.grants.containsKey(call)) {
                throw new IllegalArgumentException("No grant for the internal call " + call);
            }
        }
    }

    /** Whether the platform client may make the call: its client and its role both as the call needs. */
    public boolean mayCall(InternalCaller caller, C call) {
        return grants.get(call).admits(caller);
    }

    /** @throws InternalCallRefusedException, answered 403, when {@link #mayCall} does not grant the call */
    public void checkMayCall(InternalCaller caller, C call) {
        if (!mayCall(caller, call)) {
            throw new InternalCallRefusedException(grants.get(call).call());
        }
    }
}
