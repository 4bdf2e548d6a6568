package io.phoenixspring.demo.live;

import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /bench/rows}: the LiveView benchmark's large page (issue 16). A stream {@code #rows} of
 * {@value #ROWS} items rendered at mount (the server keeps none of them once rendered), each row
 * holding a {@link RowCounter} live component ({@code row-N}) with its own count: a click on one
 * row's button changes that component alone, so its diff is just {@code {"c": {"CID": …}}}.
 * Template: {@code RowsLive.html.heex}.
 */
@PhoenixLiveView
@TemplateImports(RowCounter.class)
public class RowsLive implements LiveView {

    /** How many rows the page streams at mount. */
    static final int ROWS = 1_000;

    /** One streamed row: only its id and label, neither kept after the render. */
    public record Row(long id, String label) {
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            rows.add(new Row(i, "Row " + i));
        }
        socket.stream("rows", rows).assign("page_title", "Rows");
    }
}
