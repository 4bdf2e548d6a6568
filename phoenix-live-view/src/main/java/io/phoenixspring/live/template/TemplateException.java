package io.phoenixspring.live.template;

/**
 * A template that cannot compile (syntax, unknown function or component, missing or unknown
 * attribute) or an expression that failed while rendering: one line, {@code file:line:column: what}.
 *
 * <pre>{@code
 * try { Templates.compile("<div>{@x.getClass()}</div>", "page.html.heex", Page.class); }
 * catch (TemplateException e) { e.getMessage(); } // page.html.heex:1:10: unknown function .getClass(): ...
 * }</pre>
 */
public class TemplateException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String description;

    public TemplateException(String file, int line, int column, String description) {
        this(file, line, column, description, null);
    }

    public TemplateException(String file, int line, int column, String description, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + description, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.description = description;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String description() {
        return description;
    }
}
