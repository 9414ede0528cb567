package org.accord.notifications.delivery;

import java.util.List;
import java.util.Set;

/**
 * Decides, each time a message is about to leave the platform, what of it its country may receive at that moment:
 * the text to send, cut to the label the case has now, or why nothing may go. Nothing is sent without this answer.
 */
public interface Disclosure {

    /**
     * @param leftOut events of a digest already withdrawn from it, which stay out
     */
    Decision decide(String country, Channel channel, MessageSource source, Set<String> leftOut);

    sealed interface Decision {
    }

    /** The text that may go now; {@code withdrawn} are the digest's events left out of it this time. */
    record Send(String subject, String body, List<WithdrawnLine> withdrawn) implements Decision {
    }

    /** Nothing of the message may go now, nor ever again. */
    record Withdrawn(String because, List<WithdrawnLine> withdrawn) implements Decision {
    }

    /** Whoever decides could not be asked: nothing goes, and the message waits to be decided again. */
    record Unanswered(String because) implements Decision {
    }
}
