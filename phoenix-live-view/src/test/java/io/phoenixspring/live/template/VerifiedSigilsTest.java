package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phoenixspring.web.router.Router;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Phoenix's verified routes warnings for {@code ~p} in templates: one WARN per path no route matches, no error. */
class VerifiedSigilsTest {

    final Router router = Router.builder()
            .get("/users/:id", conn -> conn)
            .post("/users/:id/edit", conn -> conn)
            .get("/", conn -> conn)
            .build();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(VerifiedSigils.class);

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        VerifiedSigils.forget(router);
    }

    /** The warnings about {@code file} (the record is global: other tests' templates are in it too). */
    private List<String> warnings(String file) {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith(file + ":")).toList();
    }

    @Test
    void aPathNoRouteMatchesWarnsOnceWithItsPositionAndGoodAndStaticPathsDoNot() {
        Templates.compile("""
                <a href={~p"/users/#{@id}"}>ok</a> <a href={~p"/users/#{@id}/edit?x=1"}>any method</a>
                <img src={~p"/images/#{@file}"}/> <link href={~p"/assets/app.css"}/> {~p"/"}
                  <a href={~p"/postz/#{@post.id}"}>bad</a>
                """, "verify/bad.html.heex", null);
        assertThat(warnings("verify/bad.html.heex")).isEmpty();      // recorded: no router yet

        VerifiedSigils.verifyAgainst("AppRouter", router);
        assertThat(warnings("verify/bad.html.heex")).containsExactly("verify/bad.html.heex:3:12: no route path for AppRouter matches \"/postz/#{@post.id}\"");

        VerifiedSigils.verifyAgainst("AppRouter", router);          // the same router again: already reported
        assertThat(warnings("verify/bad.html.heex")).hasSize(1);
    }

    @Test
    void aTemplateCompiledOnceTheRouterIsKnownIsCheckedAsItCompiles() {
        VerifiedSigils.verifyAgainst("AppRouter", router);
        Templates.compile("<p>{~p\"/users/1\"}</p>\n<p>{~p\"/nowhere\"}</p>", "verify/late.html.heex", null);
        assertThat(warnings("verify/late.html.heex")).containsExactly("verify/late.html.heex:2:5: no route path for AppRouter matches \"/nowhere\"");

        VerifiedSigils.forget(router);
        Templates.compile("<p>{~p\"/elsewhere\"}</p>", "verify/later.html.heex", null);
        assertThat(warnings("verify/later.html.heex")).isEmpty();    // no router: recorded only
        VerifiedSigils.verifyAgainst("AppRouter", router);
        assertThat(warnings("verify/later.html.heex")).containsExactly(
                "verify/later.html.heex:1:5: no route path for AppRouter matches \"/elsewhere\"");
    }

    @Test
    void aRenderNeverFailsForAnUnverifiedPath() {
        VerifiedSigils.verifyAgainst("AppRouter", router);
        String html = Templates.compile("<a href={~p\"/nope\"}>x</a>", "verify/render.html.heex", null)
                .render(java.util.Map.of(), null).toHtml();
        assertThat(html).isEqualTo("<a href=\"/nope\">x</a>");
        assertThat(warnings("verify/render.html.heex")).hasSize(1);
    }
}
