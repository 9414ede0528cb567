package org.accord.notifications.fanout;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The countries party to an action, learnt from its {@code ActionProposed}: the later events of the action name at
 * most one country, but concern all of them.
 */
@Document("action_parties")
record ActionParties(@Id String taskId, String caseId, String requestingCountry, List<String> countries) {
}
