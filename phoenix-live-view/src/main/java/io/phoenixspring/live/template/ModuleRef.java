package io.phoenixspring.live.template;

/** A class named in a template ({@code module={Toggle}}): only {@code <.live_component>} takes one. */
record ModuleRef(Class<?> type) {

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
