package org.accord.identity.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of a refused start which settings to give and where they are listed, without a stack trace. */
final class UnsafeSecretsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give each of these a random value of this deployment's own through its environment variable"
                        + " (deploy/PRODUCTION.md lists every secret), or start with the Spring profile "
                        + SecretSettingsCheck.LOCAL_PROFILE + " for the local demonstration only.",
                cause);
    }
}
