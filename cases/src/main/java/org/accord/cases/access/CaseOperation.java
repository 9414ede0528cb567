package org.accord.cases.access;

/**
 * The calls a caller may make on one case, as answered in {@code allowedOperations}: each names the policy's right it
 * needs and the case state it applies to, so the answer is worked out by the same decisions that refuse the call.
 */
public enum CaseOperation {
    /** {@code PATCH /api/cases/{id}} changing title, summary, situation country, status or tags of an open case. */
    UPDATE(CaseAction.EDIT, State.OPEN),
    /** {@code PATCH /api/cases/{id}} with a new {@code tlp} on an open case. */
    RELABEL(CaseAction.RELABEL, State.OPEN),
    /** {@code PUT /api/cases/{id}/sharing}. */
    SHARE(CaseAction.SHARE, State.ANY),
    /** {@code POST /api/cases/{id}/entries}. */
    ADD_ENTRY(CaseAction.CONTRIBUTE, State.OPEN),
    /** {@code POST /api/cases/{id}/assessments}. */
    ADD_ASSESSMENT(CaseAction.CONTRIBUTE, State.OPEN),
    /** {@code GET /api/cases/{id}/audit} and its verification. */
    READ_AUDIT(CaseAction.READ_AUDIT, State.ANY),
    /** {@code PATCH /api/cases/{id}} with {@code status: CLOSED}. */
    CLOSE(CaseAction.CLOSE, State.OPEN),
    /** {@code PATCH /api/cases/{id}} moving a closed case back to another status. */
    REOPEN(CaseAction.CLOSE, State.CLOSED);

    /** Which cases an operation applies to: a closed case takes no changes but its reopening and its sharing. */
    enum State {
        OPEN, CLOSED, ANY
    }

    private final CaseAction right;
    private final State state;

    CaseOperation(CaseAction right, State state) {
        this.right = right;
        this.state = state;
    }

    /** The policy's right the call is decided on. */
    public CaseAction right() {
        return right;
    }

    boolean appliesTo(boolean closed) {
        return state == State.ANY || (state == State.CLOSED) == closed;
    }
}
