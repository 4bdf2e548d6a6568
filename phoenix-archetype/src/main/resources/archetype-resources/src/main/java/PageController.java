package ${package};

import io.phoenixspring.web.conn.Conn;
import io.phoenixspring.web.controller.Controller;
import io.phoenixspring.web.controller.PhoenixController;

/**
 * {@code GET /}: the home page, through the {@code :browser} pipeline. A plain HTML page (no
 * LiveView: the project was made with {@code -Dlive=false}); for templates, add a
 * {@code TemplateRenderer} (Spring Boot's Thymeleaf) and call {@code Controller.render}.
 */
@PhoenixController
public class PageController {

    static final String HOME = """
            <!DOCTYPE html>
            <html lang="en">
              <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>${artifactId}</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="/assets/app.css">
              </head>
              <body>
                <main>
                  <h1>Welcome to ${artifactId}</h1>
                  <p>The API is under <code>/api</code>; sockets connect to <code>/socket</code> with a token from
                    <code>/api/token?user=NAME</code>.</p>
                </main>
              </body>
            </html>
            """;

    Conn home(Conn conn) {
        return Controller.html(conn, HOME);
    }
}
