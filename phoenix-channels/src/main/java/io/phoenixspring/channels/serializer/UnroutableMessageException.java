package io.phoenixspring.channels.serializer;

import io.phoenixspring.channels.message.Frame;

/**
 * A well-formed frame whose topic or event is not a string: no channel can match it, so Phoenix
 * answers "unmatched topic", echoing the values exactly as sent. The serializer prepares that
 * answer, since only it knows how to echo raw values.
 */
public class UnroutableMessageException extends RuntimeException {

    private final Frame reply;

    public UnroutableMessageException(Frame reply) {
        super("topic or event is not a string", null, false, false);
        this.reply = reply;
    }

    public Frame reply() {
        return reply;
    }
}
