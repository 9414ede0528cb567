package org.accord.support.relay;

import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;

/**
 * Who may list and redrive the relay's parked events, as the service's access policy decides it: the policy of every
 * service with a relay implements this, so the decision stays with the service's other access decisions.
 */
public interface ParkedEventsAccess {

    /** The operators' calls on the relay's parked events. */
    enum Call { LIST_PARKED, REDRIVE_PARKED }

    /** @throws InternalCallRefusedException when the caller's client or role does not open the call */
    void checkParkedEvents(InternalCaller caller, Call call);
}
