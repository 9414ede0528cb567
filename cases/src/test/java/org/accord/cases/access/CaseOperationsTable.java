package org.accord.cases.access;

/**
 * The access policy's table of operations, shared by the policy's own test and the test that makes every call: each
 * row a caller's relation to a case opened by fr-officer of FR, shared with CA to read and the group EU (FR, DE) to
 * contribute, naming gb-analyst; the labels under which the caller sees it; what it may do on it open and closed.
 */
final class CaseOperationsTable {

    static final String ROWS = """
            # relation                       | user       | country | role    | labels it sees                     | on an open case                                                | on a closed case
            owner, officer                   | fr-officer | FR      | officer | CLEAR GREEN AMBER AMBER_STRICT RED | UPDATE RELABEL SHARE ADD_ENTRY ADD_ASSESSMENT READ_AUDIT CLOSE | SHARE READ_AUDIT REOPEN
            own country, liaison             | fr-liaison | FR      | liaison | CLEAR GREEN AMBER AMBER_STRICT     | UPDATE RELABEL SHARE ADD_ENTRY ADD_ASSESSMENT READ_AUDIT CLOSE | SHARE READ_AUDIT REOPEN
            own country, analyst             | fr-analyst | FR      | analyst | CLEAR GREEN AMBER AMBER_STRICT     | READ_AUDIT                                                     | READ_AUDIT
            shared to read, officer          | ca-officer | CA      | officer | CLEAR GREEN AMBER AMBER_STRICT     |                                                                |
            shared to read, liaison          | ca-liaison | CA      | liaison | CLEAR GREEN AMBER AMBER_STRICT     |                                                                |
            shared to contribute, officer    | de-officer | DE      | officer | CLEAR GREEN AMBER AMBER_STRICT     | UPDATE ADD_ENTRY ADD_ASSESSMENT                                |
            shared to contribute, liaison    | de-liaison | DE      | liaison | CLEAR GREEN AMBER AMBER_STRICT     | UPDATE ADD_ENTRY ADD_ASSESSMENT                                |
            shared to contribute, analyst    | de-analyst | DE      | analyst | CLEAR GREEN AMBER AMBER_STRICT     |                                                                |
            foreign, officer                 | us-officer | US      | officer | CLEAR GREEN                        |                                                                |
            foreign, analyst                 | us-analyst | US      | analyst | CLEAR GREEN                        |                                                                |
            foreign, named recipient analyst | gb-analyst | GB      | analyst | CLEAR GREEN RED                    |                                                                |
            outside the alliance, officer    | xx-officer | RU      | officer |                                    |                                                                |
            """;

    private CaseOperationsTable() {
    }
}
