package io.phoenixspring.live.template;

import java.util.List;

/**
 * The value of a stream assign ({@code @streams.items}) for one render: what was inserted and
 * deleted since the previous render. A template's {@code :for={{dom_id, item} <- @streams.items}}
 * renders the inserted items as a stream comprehension; the view forgets them afterwards.
 *
 * <pre>{@code
 * for (StreamItems.Entry entry : items.inserts()) { render(entry.domId(), entry.item()); }
 * }</pre>
 */
public interface StreamItems {

    /** An inserted item: its DOM id, position ({@code -1} appends), the container's limit (null: none). */
    record Entry(String domId, int at, Integer limit, Object item) {
    }

    /** The stream's ref: its position among the view's streams, as the client knows it. */
    String ref();

    List<Entry> inserts();

    /** DOM ids to remove. */
    List<String> deletes();

    /** Whether the client empties the container before the inserts. */
    boolean reset();
}
