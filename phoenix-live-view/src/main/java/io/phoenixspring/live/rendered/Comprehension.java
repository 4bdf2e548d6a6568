package io.phoenixspring.live.rendered;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code :for} (or {@code for} block) rendered (Phoenix.LiveView.Comprehension): the body's
 * statics once, and one list of dynamics per item. Sent whole when it changes; the statics travel
 * once. With a {@link Stream}, the rows are only the items inserted by this render: the server keeps
 * no copy, the client keeps the elements already in its {@code phx-update="stream"} container.
 *
 * <pre>{@code
 * Comprehension tags = new Comprehension(List.of("<span class=\"tag\">", "</span>"),
 *         List.of(List.of("red"), List.of("green")), 7L, null);
 * }</pre>
 *
 * @param statics the body's statics, one more than each row's dynamics
 * @param dynamics one row of dynamics per item (escaped Strings, Rendered or Comprehension; never null)
 * @param fingerprint identifies the body's statics
 * @param stream the stream operations of this render, or null for a plain comprehension
 */
public record Comprehension(List<String> statics, List<List<Object>> dynamics, long fingerprint, Stream stream) {

    /**
     * A stream's operations in one render: Phoenix's {@code [ref, inserts, deletes, reset]}.
     *
     * @param ref the stream's ref (its position among the view's streams)
     * @param inserts the inserted items' DOM ids and positions, in the order of the rows
     * @param deletes DOM ids to remove
     * @param reset whether the client empties the container first
     */
    public record Stream(String ref, List<Insert> inserts, List<String> deletes, boolean reset) {
        public Stream {
            inserts = List.copyOf(inserts);
            deletes = List.copyOf(deletes);
        }
    }

    /**
     * One inserted item: its DOM id, where ({@code -1} appends, {@code 0} prepends, else the index)
     * and the container's limit ({@code null}: unbounded; negative keeps the last items).
     */
    public record Insert(String domId, int at, Integer limit) {
    }

    public Comprehension {
        statics = List.copyOf(statics);
        List<List<Object>> rows = new ArrayList<>(dynamics.size());
        for (List<Object> row : dynamics) {
            if (row.size() != statics.size() - 1) {
                throw new IllegalArgumentException("each row needs one dynamic less than the statics: " + row.size()
                        + " dynamics, " + statics.size() + " statics");
            }
            for (Object dynamic : row) {
                if (!(dynamic instanceof String) && !(dynamic instanceof Rendered) && !(dynamic instanceof Comprehension)
                        && !(dynamic instanceof LiveComponentRef) && !(dynamic instanceof LiveComponentCall)) {
                    throw new IllegalArgumentException("a row's dynamic is an escaped String, a Rendered or a Comprehension, got "
                            + (dynamic == null ? "null" : dynamic.getClass().getName()));
                }
            }
            rows.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        dynamics = Collections.unmodifiableList(rows);
    }

    /** The HTML of the rows (for a stream, the inserted ones). */
    public String toHtml() {
        StringBuilder html = new StringBuilder();
        appendHtml(html);
        return html.toString();
    }

    void appendHtml(StringBuilder html) {
        for (List<Object> row : dynamics) {
            for (int i = 0; i < row.size(); i++) {
                html.append(statics.get(i));
                Rendered.appendDynamic(html, row.get(i));
            }
            html.append(statics.get(statics.size() - 1));
        }
    }
}
