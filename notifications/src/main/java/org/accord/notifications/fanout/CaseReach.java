package org.accord.notifications.fanout;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who could see a case when its last sharing event was handled, so the next one tells only those it newly reaches
 * that the case is shared with them; those who could see it already are not told again.
 */
@Document("case_reach")
record CaseReach(@Id String caseId, List<String> countries, List<String> users) {
}
