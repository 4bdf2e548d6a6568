package io.phoenixspring.token;

/** A payload that is not a term we accept. Stackless: it is an expected outcome, not a bug. */
final class InvalidTermException extends RuntimeException {

    InvalidTermException(String message) {
        super(message, null, false, false);
    }
}
