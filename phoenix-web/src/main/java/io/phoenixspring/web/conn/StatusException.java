package io.phoenixspring.web.conn;

/**
 * Phoenix's request errors (NoRouteError, MissingParamError, NotAcceptableError, Plug.Parsers.ParseError,
 * InvalidCSRFTokenError...) as one exception carrying its status; rendered by the error view, never
 * with a stack trace in the log because they are the client's fault.
 *
 * <pre>{@code
 * if (user == null) throw new StatusException(404, "no user " + id);
 * }</pre>
 */
public class StatusException extends RuntimeException implements PlugStatus {

    private final int status;
    private final String detail;

    public StatusException(int status, String message) {
        this(status, message, null, null);
    }

    public StatusException(int status, String message, Throwable cause) {
        this(status, message, null, cause);
    }

    /**
     * @param message what happened, for the log and for debug errors
     * @param detail what the client is told in place of the status phrase, or {@code null}: it
     *     must not reveal anything the client should not know
     */
    public StatusException(int status, String message, String detail, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.detail = detail;
    }

    @Override
    public int plugStatus() {
        return status;
    }

    /** @return what the client is told in place of the status phrase, or {@code null} for the phrase */
    public String detail() {
        return detail;
    }

    /** 400: a required parameter is missing (Phoenix.MissingParamError). */
    public static StatusException missingParam(String key) {
        return new StatusException(400, "expected key \"" + key + "\" to be present in params");
    }

    /** 400: the body could not be parsed (Plug.Parsers.ParseError). */
    public static StatusException badRequest(String message, Throwable cause) {
        return new StatusException(400, message, cause);
    }

    /** 406: no acceptable format (Phoenix.NotAcceptableError). */
    public static StatusException notAcceptable(String message) {
        return new StatusException(406, message);
    }

    /** 403: the CSRF token is missing or wrong (Plug.CSRFProtection.InvalidCSRFTokenError). */
    public static StatusException invalidCsrfToken() {
        return new StatusException(403, "invalid CSRF (Cross Site Request Forgery) token, please make sure that "
                + "all your non-HEAD and non-GET requests include the _csrf_token param or the x-csrf-token header");
    }

    /** 415: the content-type header does not parse (Plug.Parsers.UnsupportedMediaTypeError). */
    public static StatusException unsupportedMediaType(String contentType, Throwable cause) {
        return new StatusException(415, "unsupported media type " + contentType, cause);
    }

    /** 413: the body is larger than the parser allows (Plug.Parsers.RequestTooLargeError). */
    public static StatusException tooLarge(long limit) {
        return new StatusException(413, "the request is too large, the limit is " + limit + " bytes");
    }
}
