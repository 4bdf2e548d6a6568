package io.phoenixspring.autoconfigure.live;

import io.phoenixspring.live.template.TemplateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a HEEx {@link TemplateException} raised while the live routes compile their templates into
 * Boot's Description / Action report, naming the file, line and column, instead of a stack trace.
 */
class InvalidTemplateFailureAnalyzer extends AbstractFailureAnalyzer<TemplateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TemplateException cause) {
        String description = "A HEEx template does not compile:\n\n    " + cause.file() + ":" + cause.line() + ":"
                + cause.column() + ": " + cause.description();
        String action = "Fix " + cause.file() + " at line " + cause.line() + ", column " + cause.column()
                + ". Templates are compiled when the application starts; the expression language and the components "
                + "a template may call are described in phoenix-live-view's README (\"Templates (HEEx)\").";
        return new FailureAnalysis(description, action, cause);
    }
}
