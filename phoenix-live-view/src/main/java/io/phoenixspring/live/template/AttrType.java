package io.phoenixspring.live.template;

/**
 * The type of a component attribute, as Phoenix.Component's {@code attr}: it says how an
 * {@link Attr#defaultValue} is read, and {@link #GLOBAL} collects the caller's HTML attributes.
 */
public enum AttrType {
    /** Any value; a default is read as a template literal ({@code nil}, {@code [1, 2]}, {@code "text"}). */
    ANY,
    /** A string; a default is taken as it is written. */
    STRING,
    /** {@code true}/{@code false}. */
    BOOLEAN,
    /** A whole number (Long). */
    INTEGER,
    /** A float (Double). */
    FLOAT,
    /** A list; a default is a template literal such as {@code []}. */
    LIST,
    /** A map; a default is a template literal such as {@code %{}}. */
    MAP,
    /**
     * The caller's other HTML attributes ({@code id}, {@code class}, {@code phx-*}, {@code aria-*},
     * {@code data-*}, … and {@link Attr#include}), as one map, rendered with {@code {@rest}}.
     */
    GLOBAL
}
