package io.phoenixspring.demo.web;

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.ActionFallback;
import io.phoenixspring.web.controller.Controller;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * NoteController's action_fallback, as phx.gen's {@code FallbackController}: a {@link Missing} result is the 404 page
 * of {@link ErrorHTML} ({@code put_view(html: ErrorHTML) |> render(:"404")}), in the controller's layouts. Unknown
 * paths stay the endpoint's JSON 404 (the room contract's {@code render_errors}: JSON only).
 */
@Component
public class NoteFallback implements ActionFallback {

    /** What an action returns when the note it names does not exist. */
    public record Missing(String id) {
    }

    @Override
    public Conn call(Conn conn, Object result) {
        if (!(result instanceof Missing missing)) {
            throw new IllegalStateException("NoteController returned " + result + ", which its fallback does not handle");
        }
        Conn notFound = Controller.putView(conn.putStatus(404).assign("page_title", "Not found"), ErrorHTML.class);
        return Controller.render(notFound, "404", Map.of("status", 404, "reason", "no note " + missing.id(),
                "request_path", conn.requestPath()));
    }
}
