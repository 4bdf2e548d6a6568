package io.phoenixspring.live.template;

import io.phoenixspring.live.template.ExprParser.Generator;
import java.util.List;

/** The parse tree of a HEEx template, made by {@link HeexParser}; expressions already parsed. */
sealed interface Node {

    int pos();

    record Text(int pos, String text) implements Node {
    }

    /** {@code {expr}} in a body, or {@code <%= expr %>}. */
    record Output(int pos, Expr expr, String code) implements Node {
    }

    /**
     * {@code <%= if cond do %>…<% else %>…<% end %>} ({@code unless} swaps the branches); a branch
     * is null when the block has none (it renders nothing).
     */
    record IfBlock(int pos, Expr condition, String code, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** {@code <%= for x <- @list do %>…<% end %>}. */
    record ForBlock(int pos, Generator generator, String code, List<Node> body) implements Node {
    }

    /** An HTML element; {@code closing} says how its tag ended. */
    record Element(int pos, String name, List<Attribute> attrs, List<Node> children, Closing closing, Special special)
            implements Node {
    }

    /** {@code <.name …>}: inner content and slot entries apart. */
    record Call(int pos, String name, List<Attribute> attrs, List<Node> inner, List<SlotEntry> slots, boolean selfClosing,
            Special special) implements Node {
    }

    /** {@code <:name …>…</:name>} inside a component call. */
    record SlotEntry(int pos, String name, List<Attribute> attrs, List<Node> inner, boolean selfClosing, Special special)
            implements Node {
    }

    enum Closing { NORMAL, SELF, VOID }

    /** {@code :if}, {@code :for}, {@code :let}, each with its source for fingerprints. */
    record Special(Expr condition, String conditionCode, Generator generator, String generatorCode,
            Pattern let, String letCode) {

        static final Special NONE = new Special(null, null, null, null, null, null);

        boolean wraps() {
            return condition != null || generator != null;
        }
    }

    /** An attribute as written: {@code name="text"}, {@code name='text'}, {@code name={expr}}, bare {@code name}, or {@code {expr}}. */
    record Attribute(int pos, String name, Kind kind, String text, Expr expr, String code, int valueStart) {

        enum Kind { QUOTED, SINGLE_QUOTED, EXPR, BARE, SPREAD }
    }
}
