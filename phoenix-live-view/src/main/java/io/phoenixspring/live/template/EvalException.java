package io.phoenixspring.live.template;

/** An expression failed while rendering; {@code pos} is where, made a {@link TemplateException} by the template. */
final class EvalException extends RuntimeException {

    final int pos;

    EvalException(int pos, String message) {
        super(message);
        this.pos = pos;
    }

    EvalException(int pos, String message, Throwable cause) {
        super(message, cause);
        this.pos = pos;
    }
}
