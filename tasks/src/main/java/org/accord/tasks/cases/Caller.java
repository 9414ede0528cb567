package org.accord.tasks.cases;

import org.accord.identity.AllianceUser;

/**
 * The verified caller and the bearer token it came with, which is relayed when tasks asks cases what the caller may
 * see: cases then decides on the caller's own identity, never on a privileged one.
 */
public record Caller(AllianceUser user, String bearerToken) {

    public String country() {
        return user.country();
    }

    public String username() {
        return user.username();
    }

    @Override
    public String toString() {
        return "Caller[" + user + "]";
    }
}
