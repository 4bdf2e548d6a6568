package io.phoenixspring.autoconfigure.web;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Boot's Description / Action report for a router that cannot be built: the application's
 * {@code Router} bean (an undefined pipeline, a glob that is not last, a nameless path param...)
 * or its {@code VerifiedRoutes} (a template no route matches). phoenix-web reports these with
 * plain IllegalArgumentException / IllegalStateException, so they are recognized by where they
 * were thrown: the router package. Names phoenix-web's classes as strings, so this loads without it.
 */
class InvalidRouterFailureAnalyzer implements FailureAnalyzer {

    static final String ROUTER_PACKAGE = "io.phoenixspring.web.router.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String bean = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BeanCreationException creation && creation.getBeanName() != null) {
                bean = creation.getBeanName();
            }
            if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && thrownByTheRouter(t)) {
                String description = "The Phoenix router" + (bean == null ? "" : " (bean '" + bean + "')")
                        + " cannot be built:\n\n    " + String.valueOf(t.getMessage()).replace("\n", "\n    ");
                return new FailureAnalysis(description, action(String.valueOf(t.getMessage())), t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean thrownByTheRouter(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(ROUTER_PACKAGE);
    }

    static String action(String problem) {
        if (problem.contains("undefined pipeline")) {
            return "Declare the pipeline on the builder, Router.builder().pipeline(\"api\", p -> p.plug(...)), or fix "
                    + "the name passed to pipeThrough(...).";
        }
        if (problem.contains("declared twice")) {
            return "Declare each pipeline once: merge the two pipeline(...) calls, or give one of them another name.";
        }
        if (problem.contains("glob") || problem.contains("path param")) {
            return "Write path params as :name and a glob as *name in the last segment only, e.g. "
                    + "get(\"/users/:id\", ...) or get(\"/files/*path\", ...).";
        }
        if (problem.contains("unknown action")) {
            return "List only resource actions in only/except: index, show, new, create, edit, update, delete.";
        }
        if (problem.contains("unverified routes")) {
            return "Make each @VerifiedPath template match a route of the router (placeholders such as :id stand for "
                    + "the method's arguments), or add the missing route.";
        }
        return "Fix the route declaration the description names in the application's Router bean.";
    }
}
