package org.iongov.core.policy;

/**
 * What a policy node decided about one model message.
 *
 * @param outcome approved, rejected, or waiting (for people, or for code this server does not run)
 * @param reason in words, e.g. {@code auc 0.91 >= 0.80}
 */
public record PolicyDecision(Outcome outcome, String reason) {

    /** The three ways a policy step ends (for now). */
    public enum Outcome {
        APPROVED, REJECTED, WAITING
    }
}
