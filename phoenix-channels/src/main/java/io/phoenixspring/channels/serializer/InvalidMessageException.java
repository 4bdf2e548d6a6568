package io.phoenixspring.channels.serializer;

/**
 * A frame that is not a Phoenix message (Phoenix.Socket.InvalidMessageError): the socket that
 * sent it is closed with code 1011, and nothing else is affected.
 */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message, null, false, false);
    }
}
