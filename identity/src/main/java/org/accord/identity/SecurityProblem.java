package org.accord.identity;

/** The two security refusals, worded once for the services and the gateway. */
public final class SecurityProblem {

    public static final ProblemKind UNAUTHENTICATED = ProblemKind.of(401, "unauthenticated", "Sign-in required",
            "A valid access token from the alliance realm is required.");

    public static final ProblemKind FORBIDDEN = ProblemKind.of(403, "forbidden", "Not allowed",
            "Your country or role does not allow this.");

    private SecurityProblem() {
    }
}
