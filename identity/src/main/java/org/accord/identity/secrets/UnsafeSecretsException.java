package org.accord.identity.secrets;

import java.util.List;

/** A process was started outside the local launch with secrets unfit for it; the message names each setting. */
public class UnsafeSecretsException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeSecretsException(List<String> problems) {
        super("Refusing to start outside the local launch (Spring profile " + SecretSettingsCheck.LOCAL_PROFILE
                + "):\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per setting: the property, its environment variable and what is wrong, never the value. */
    public List<String> problems() {
        return problems;
    }
}
