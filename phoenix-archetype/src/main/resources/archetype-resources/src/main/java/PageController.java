package ${package};

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;
import java.util.Map;

/**
 * {@code GET /}: the home page, as phx.new's {@code PageController}: {@link PageHTML}'s
 * {@code page_html/home.html.heex} inside the {@link Layouts}.
 */
@PhoenixController(html = PageHTML.class, layout = Layouts.class)
public class PageController {

    Conn home(Conn conn) {
        return Controller.render(conn.assign("page_title", "Home"), "home", Map.of("app", "${artifactId}"));
    }
}
