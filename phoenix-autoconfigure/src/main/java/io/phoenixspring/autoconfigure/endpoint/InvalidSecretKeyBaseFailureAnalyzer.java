package io.phoenixspring.autoconfigure.endpoint;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InvalidSecretKeyBaseException} into Boot's Description / Action report. */
class InvalidSecretKeyBaseFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretKeyBaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretKeyBaseException cause) {
        String description = InvalidSecretKeyBaseException.problem(cause.length())
                + " Phoenix signs tokens, long-poll sessions and session cookies with it.";
        String action = "Set phoenix.endpoint.secret-key-base to a secret of 64 random characters, kept out of source "
                + "control. " + InvalidSecretKeyBaseException.HOW_TO_GENERATE;
        return new FailureAnalysis(description, action, cause);
    }
}
