package io.phoenixspring.live.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.js.JS;
import io.phoenixspring.live.rendered.Diff;
import io.phoenixspring.live.rendered.Rendered;
import io.phoenixspring.live.template.CsrfContext;
import io.phoenixspring.live.template.StreamItems;
import io.phoenixspring.live.template.Template;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.live.template.Templates;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** phx.new 1.7's core components, rendered from a template that imports them, checked on the parsed HTML. */
class CoreComponentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A LiveView's or a controller view's class: its templates import the core components. */
    @TemplateImports(CoreComponents.class)
    static final class Page {
    }

    record User(long id, String username) {
    }

    record Stream(String ref, List<Entry> inserts, List<String> deletes, boolean reset) implements StreamItems {
    }

    private static Document render(String source, Map<String, Object> assigns) {
        Template template = Templates.compile(source, "t.heex", Page.class);
        return Jsoup.parseBodyFragment(template.render(assigns, null).toHtml());
    }

    private static Document render(String source) {
        return render(source, Map.of());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode js(Element element, String attribute) {
        assertThat(element.hasAttr(attribute)).as(attribute + " on " + element.tagName()).isTrue();
        return JSON.readTree(element.attr(attribute));
    }

    private static Element only(Document doc, String selector) {
        Elements found = doc.select(selector);
        assertThat(found).as(selector).hasSize(1);
        return found.first();
    }

    // ------------------------------------------------------------------ button, icon

    @Test
    void buttonHasPhxNewClassesItsTypeAndTheCallersAttributes() {
        Document doc = render("<.button type=\"submit\" class=\"ml-2\" disabled name=\"go\" value=\"1\" phx-click=\"go\">Save</.button>");
        Element button = only(doc, "button");
        assertThat(button.attr("type")).isEqualTo("submit");
        assertThat(button.classNames()).contains("phx-submit-loading:opacity-75", "rounded-lg", "bg-zinc-900", "hover:bg-zinc-700",
                "text-white", "active:text-white/80", "ml-2");
        assertThat(button.hasAttr("disabled")).isTrue();
        assertThat(button.attr("name")).isEqualTo("go");
        assertThat(button.attr("value")).isEqualTo("1");
        assertThat(button.attr("phx-click")).isEqualTo("go");
        assertThat(button.text()).isEqualTo("Save");

        Element plain = only(render("<.button>Save</.button>"), "button");
        assertThat(plain.hasAttr("type")).isFalse();
        assertThat(plain.hasAttr("disabled")).isFalse();
    }

    @Test
    void iconIsASpanWithItsNameAndClassAndOnlyTakesHeroicons() {
        Element icon = only(render("<.icon name=\"hero-arrow-path\" class=\"ml-1 w-3 h-3 animate-spin\" />"), "span");
        assertThat(icon.classNames()).containsExactly("hero-arrow-path", "ml-1", "w-3", "h-3", "animate-spin");
        assertThat(icon.children()).isEmpty();
        assertThat(only(render("<.icon name=\"hero-x-mark-solid\" />"), "span").className()).isEqualTo("hero-x-mark-solid");

        assertThatThrownBy(() -> render("<.icon name=\"fa-star\" />"))
                .hasMessageContaining("hero-").hasMessageContaining("fa-star");
    }

    // ------------------------------------------------------------------ flash

    @Test
    void flashShowsTheKindsMessageAndAClickClearsItOnTheServerAndHidesIt() {
        Map<String, Object> assigns = Map.of("flash", Map.of("info", "Saved!"));
        Document doc = render("<.flash kind={:info} title=\"Success!\" flash={@flash} /><.flash kind={:error} flash={@flash} />", assigns);
        Element flash = only(doc, "div[role=alert]");
        assertThat(flash.id()).isEqualTo("flash-info");
        assertThat(flash.classNames()).contains("fixed", "top-2", "right-2", "w-80", "sm:w-96", "z-50", "rounded-lg", "ring-1",
                "bg-emerald-50", "text-emerald-800", "ring-emerald-500", "fill-cyan-900").doesNotContain("bg-rose-50");
        assertThat(js(flash, "phx-click")).isEqualTo(json("""
                [["push",{"event":"lv:clear-flash","value":{"key":"info"}}],
                 ["hide",{"time":200,"to":"#flash-info","transition":[["transition-all","transform","ease-in","duration-200"],
                   ["opacity-100","translate-y-0","sm:scale-100"],["opacity-0","translate-y-4","sm:translate-y-0","sm:scale-95"]]}]]"""));
        Element title = flash.selectFirst("p.font-semibold");
        assertThat(title.text()).isEqualTo("Success!");
        assertThat(title.select("span").eachAttr("class")).containsExactly("hero-information-circle-mini h-4 w-4");
        assertThat(flash.selectFirst("p.mt-2").text()).isEqualTo("Saved!");
        Element close = flash.selectFirst("button");
        assertThat(close.attr("aria-label")).isEqualTo("close");
        assertThat(close.selectFirst("span").classNames()).contains("hero-x-mark-solid");
        assertThat(doc.getElementById("flash-error")).isNull();   // no error message: nothing rendered
    }

    @Test
    void flashRendersItsInnerBlockWithoutAFlashMapAndTakesExtraAttributes() {
        Document doc = render("<.flash kind={:error} id=\"oops\" phx-mounted={show(\"#oops\")}>Welcome <b>back</b></.flash>");
        Element flash = only(doc, "#oops");
        assertThat(flash.classNames()).contains("bg-rose-50", "text-rose-900", "shadow-md", "ring-rose-500");
        assertThat(flash.select("p")).hasSize(1);   // no title
        assertThat(flash.selectFirst("p.mt-2").html()).isEqualTo("Welcome <b>back</b>");
        assertThat(js(flash, "phx-mounted")).isEqualTo(json("""
                [["show",{"time":300,"to":"#oops","transition":[["transition-all","transform","ease-out","duration-300"],
                  ["opacity-0","translate-y-4","sm:translate-y-0","sm:scale-95"],["opacity-100","translate-y-0","sm:scale-100"]]}]]"""));
        assertThat(js(flash, "phx-click").get(0).get(1).get("value")).isEqualTo(json("{\"key\":\"error\"}"));
    }

    @Test
    void flashGroupHasInfoErrorAndTheHiddenReconnectNotices() {
        Document doc = render("<.flash_group flash={@flash} />", Map.of("flash", Map.of("error", "Boom")));
        Element group = only(doc, "#flash-group");
        assertThat(group.children().eachAttr("id")).containsExactly("flash-error", "client-error", "server-error");
        assertThat(doc.getElementById("flash-error").selectFirst("p.font-semibold").text()).isEqualTo("Error!");
        assertThat(doc.getElementById("flash-error").selectFirst("p.mt-2").text()).isEqualTo("Boom");

        Element client = doc.getElementById("client-error");
        assertThat(client.hasAttr("hidden")).isTrue();
        assertThat(client.selectFirst("p.font-semibold").text()).isEqualTo("We can't find the internet");
        assertThat(client.selectFirst("p.mt-2").text()).isEqualTo("Attempting to reconnect");
        assertThat(client.selectFirst("p.mt-2 span").classNames()).contains("hero-arrow-path", "animate-spin");
        assertThat(js(client, "phx-disconnected")).isEqualTo(JSON.readTree(CoreComponents.show(".phx-client-error #client-error").toJson()));
        assertThat(js(client, "phx-disconnected").get(0).get(1).get("to").asString()).isEqualTo(".phx-client-error #client-error");
        assertThat(js(client, "phx-connected")).isEqualTo(JSON.readTree(CoreComponents.hide("#client-error").toJson()));
        Element server = doc.getElementById("server-error");
        assertThat(server.hasAttr("hidden")).isTrue();
        assertThat(server.selectFirst("p.font-semibold").text()).isEqualTo("Something went wrong!");
        assertThat(server.selectFirst("p.mt-2").text()).isEqualTo("Hang in there while we get back on track");
        assertThat(js(server, "phx-disconnected").get(0).get(1).get("to").asString()).isEqualTo(".phx-server-error #server-error");
        assertThat(js(server, "phx-connected").get(0).get(1).get("to").asString()).isEqualTo("#server-error");

        assertThat(render("<.flash_group flash={%{}} id=\"flashes\" />").getElementById("flashes").children().eachAttr("id"))
                .containsExactly("client-error", "server-error");
    }

    // ------------------------------------------------------------------ modal

    @Test
    void modalShowsOnMountCancelsOnEscapeClickAwayAndCloseAndWrapsFocus() {
        Document doc = render("""
                <.modal id="confirm" show on_cancel={JS.navigate("/posts")}>Are you sure?</.modal>""");
        Element modal = only(doc, "#confirm");
        assertThat(modal.classNames()).containsExactly("relative", "z-50", "hidden");
        assertThat(js(modal, "phx-mounted")).isEqualTo(json("""
                [["show",{"to":"#confirm"}],
                 ["show",{"time":300,"to":"#confirm-bg","transition":[["transition-all","transform","ease-out","duration-300"],["opacity-0"],["opacity-100"]]}],
                 ["show",{"time":300,"to":"#confirm-container","transition":[["transition-all","transform","ease-out","duration-300"],
                   ["opacity-0","translate-y-4","sm:translate-y-0","sm:scale-95"],["opacity-100","translate-y-0","sm:scale-100"]]}],
                 ["add_class",{"names":["overflow-hidden"],"to":"body"}],
                 ["focus_first",{"to":"#confirm-content"}]]"""));
        assertThat(js(modal, "phx-remove")).isEqualTo(json("""
                [["hide",{"to":"#confirm-bg","transition":[["transition-all","transform","ease-in","duration-200"],["opacity-100"],["opacity-0"]]}],
                 ["hide",{"time":200,"to":"#confirm-container","transition":[["transition-all","transform","ease-in","duration-200"],
                   ["opacity-100","translate-y-0","sm:scale-100"],["opacity-0","translate-y-4","sm:translate-y-0","sm:scale-95"]]}],
                 ["hide",{"to":"#confirm","transition":[["block"],["block"],["hidden"]]}],
                 ["remove_class",{"names":["overflow-hidden"],"to":"body"}],
                 ["pop_focus",{}]]"""));
        assertThat(js(modal, "data-cancel")).isEqualTo(json("""
                [["navigate",{"href":"/posts","replace":false}],["exec",{"attr":"phx-remove"}]]"""));

        Element bg = only(doc, "#confirm-bg");
        assertThat(bg.attr("aria-hidden")).isEqualTo("true");
        assertThat(bg.classNames()).contains("bg-zinc-50/90", "fixed", "inset-0");
        Element dialog = only(doc, "[role=dialog]");
        assertThat(dialog.attr("aria-labelledby")).isEqualTo("confirm-title");
        assertThat(dialog.attr("aria-describedby")).isEqualTo("confirm-description");
        assertThat(dialog.attr("aria-modal")).isEqualTo("true");

        Element container = only(doc, "#confirm-container");
        assertThat(container.attr("phx-hook")).isEqualTo("Phoenix.FocusWrap");
        JsonNode cancel = json("[[\"exec\",{\"attr\":\"data-cancel\",\"to\":\"#confirm\"}]]");
        assertThat(js(container, "phx-window-keydown")).isEqualTo(cancel);
        assertThat(container.attr("phx-key")).isEqualTo("escape");
        assertThat(js(container, "phx-click-away")).isEqualTo(cancel);
        assertThat(container.classNames()).contains("hidden", "rounded-2xl", "bg-white", "p-14");
        assertThat(doc.getElementById("confirm-container-start").attr("tabindex")).isEqualTo("0");
        Element close = only(doc, "#confirm-container button");
        assertThat(close.attr("aria-label")).isEqualTo("close");
        assertThat(js(close, "phx-click")).isEqualTo(cancel);
        assertThat(close.selectFirst("span").classNames()).contains("hero-x-mark-solid");
        assertThat(only(doc, "#confirm-content").text()).isEqualTo("Are you sure?");
    }

    @Test
    void aHiddenModalIsOpenedByShowModalAndItsDefaultCancelOnlyHides() {
        Document doc = render("""
                <button phx-click={show_modal("m")}>Open</button><button phx-click={JS.push("x") |> hide_modal("m")}>Close</button>
                <.modal id="m">Body</.modal>""");
        Element modal = only(doc, "#m");
        assertThat(modal.hasAttr("phx-mounted")).isFalse();
        assertThat(js(modal, "data-cancel")).isEqualTo(json("[[\"exec\",{\"attr\":\"phx-remove\"}]]"));
        Elements buttons = doc.select("body > button");
        assertThat(js(buttons.get(0), "phx-click")).isEqualTo(JSON.readTree(CoreComponents.showModal("m").toJson()));
        assertThat(js(buttons.get(1), "phx-click"))
                .isEqualTo(JSON.readTree(CoreComponents.hideModal(JS.push("x"), "m").toJson()));
        assertThat(js(buttons.get(1), "phx-click").get(0).get(0).asString()).isEqualTo("push");
    }

    // ------------------------------------------------------------------ forms

    @Test
    void simpleFormWrapsItsInputsAndActionsAndAnActionAddsTheCsrfToken() {
        Form form = Form.of(Map.of(), "user");
        String html = CsrfContext.with(() -> "tok", () -> Templates.compile("""
                <.simple_form for={@form} action="/users" phx-change="validate" phx-submit="save" novalidate>
                  <.input field={@form[:email]} label="Email" />
                  <:actions><.button>Save</.button></:actions>
                  <:actions><.button type="reset">Reset</.button></:actions>
                </.simple_form>""", "t.heex", Page.class).render(Map.of("form", form), null).toHtml());
        Document doc = Jsoup.parseBodyFragment(html);
        Element element = only(doc, "form");
        assertThat(element.attr("action")).isEqualTo("/users");
        assertThat(element.attr("method")).isEqualTo("post");
        assertThat(element.attr("phx-change")).isEqualTo("validate");
        assertThat(element.attr("phx-submit")).isEqualTo("save");
        assertThat(element.hasAttr("novalidate")).isTrue();
        assertThat(only(doc, "form > input[name=_csrf_token]").attr("value")).isEqualTo("tok");
        Element body = only(doc, "form > div");
        assertThat(body.classNames()).containsExactly("mt-10", "space-y-8", "bg-white");
        assertThat(only(doc, "input#user_email").attr("name")).isEqualTo("user[email]");
        Elements actions = body.select("> div.justify-between");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).classNames()).containsExactly("mt-2", "flex", "items-center", "justify-between", "gap-6");
        assertThat(actions.get(0).selectFirst("button").text()).isEqualTo("Save");
        assertThat(actions.get(1).selectFirst("button").attr("type")).isEqualTo("reset");
    }

    @Test
    void simpleFormGivesTheFormToItsSlotsKeepsAFormsNameAndRenamesWithAs() {
        Map<String, Object> assigns = Map.of("form", Form.of(Map.of("name", "Ada"), "user"), "params", Map.of("q", "x"));
        Document doc = render("""
                <.simple_form :let={f} for={@form} id="user-form">
                  <.input field={f[:name]} />
                  <:actions :let={g}><span id="action-form">{g[:name].name}</span></:actions>
                </.simple_form>
                <.simple_form :let={f} for={@params} as={:search}><.input field={f[:q]} /></.simple_form>""", assigns);
        assertThat(only(doc, "form#user-form").hasAttr("action")).isFalse();
        assertThat(doc.select("input[name=_csrf_token]")).isEmpty();
        assertThat(only(doc, "input#user-form_name").attr("name")).isEqualTo("user[name]");
        assertThat(only(doc, "input#user-form_name").attr("value")).isEqualTo("Ada");
        assertThat(only(doc, "#action-form").text()).isEqualTo("user[name]");
        assertThat(only(doc, "input#search_q").attr("name")).isEqualTo("search[q]");
        assertThat(only(doc, "input#search_q").attr("value")).isEqualTo("x");
    }

    @Test
    void inputShowsAFieldsErrorsOnlyOnceTheUserUsedIt() {
        String source = "<.input field={@form[:email]} type=\"email\" label=\"Email\" placeholder=\"you@example.com\" />";
        Map<String, List<String>> errors = Map.of("email", List.of("has invalid format"));
        Document unused = render(source, Map.of("form", Form.of(Map.of("email", "ada", "_unused_email", ""), "user").withErrors(errors)));
        Element input = only(unused, "input");
        assertThat(input.attr("type")).isEqualTo("email");
        assertThat(input.id()).isEqualTo("user_email");
        assertThat(input.attr("name")).isEqualTo("user[email]");
        assertThat(input.attr("value")).isEqualTo("ada");
        assertThat(input.attr("placeholder")).isEqualTo("you@example.com");
        assertThat(input.classNames()).contains("mt-2", "block", "w-full", "rounded-lg", "text-zinc-900", "border-zinc-300",
                "focus:border-zinc-400").doesNotContain("border-rose-400");
        Element label = only(unused, "label");
        assertThat(label.attr("for")).isEqualTo("user_email");
        assertThat(label.text()).isEqualTo("Email");
        assertThat(label.classNames()).containsExactly("block", "text-sm", "font-semibold", "leading-6", "text-zinc-800");
        assertThat(unused.select("p")).isEmpty();

        Document used = render(source, Map.of("form", Form.of(Map.of("email", "ada"), "user").withErrors(errors)));
        assertThat(only(used, "input").classNames()).contains("border-rose-400", "focus:border-rose-400").doesNotContain("border-zinc-300");
        Element error = only(used, "p");
        assertThat(error.classNames()).containsExactly("mt-3", "flex", "gap-3", "text-sm", "leading-6", "text-rose-600");
        assertThat(error.text()).isEqualTo("has invalid format");
        assertThat(error.selectFirst("span").classNames()).containsExactly("hero-exclamation-circle-mini", "mt-0.5", "h-5", "w-5", "flex-none");

        // a form never submitted: no params, so nothing used, no errors
        assertThat(render(source, Map.of("form", Form.from(Map.of("email", "x"), "user").withErrors(errors))).select("p")).isEmpty();
    }

    @Test
    void inputTakesNameValueIdAndErrorsWithoutAFieldAndEveryOtherType() {
        Document doc = render("""
                <.input name="qty" id="qty" type="number" value={5} errors={["must be less than %{count}", "oh no!"]} min="1" />
                <.input name="token" type="hidden" value="abc" />
                <.input name="when" type="datetime-local" value={@when} />
                <.input name="plain" value="v" />""", Map.of("when", LocalDateTime.of(2024, 5, 6, 7, 8, 9)));
        Element qty = only(doc, "#qty");
        assertThat(qty.attr("type")).isEqualTo("number");
        assertThat(qty.attr("value")).isEqualTo("5");
        assertThat(qty.attr("min")).isEqualTo("1");
        assertThat(doc.select("p").eachText()).containsExactly("must be less than %{count}", "oh no!");
        Element hidden = only(doc, "input[type=hidden]");
        assertThat(hidden.attr("name")).isEqualTo("token");
        assertThat(hidden.attr("value")).isEqualTo("abc");
        assertThat(only(doc, "input[name=when]").attr("value")).isEqualTo("2024-05-06T07:08");
        Element plain = only(doc, "input[name=plain]");
        assertThat(plain.attr("type")).isEqualTo("text");
        assertThat(plain.hasAttr("id")).isFalse();
    }

    @Test
    void checkboxSendsFalseWhenUncheckedAndIsCheckedForTrue() {
        String source = "<.input field={@form[:admin]} type=\"checkbox\" label=\"Admin\" />";
        Document checked = render(source, Map.of("form", Form.from(Map.of("admin", true), "user")));
        Elements inputs = checked.select("label > input");
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).attr("type")).isEqualTo("hidden");
        assertThat(inputs.get(0).attr("name")).isEqualTo("user[admin]");
        assertThat(inputs.get(0).attr("value")).isEqualTo("false");
        assertThat(inputs.get(0).hasAttr("disabled")).isFalse();
        Element box = inputs.get(1);
        assertThat(box.attr("type")).isEqualTo("checkbox");
        assertThat(box.id()).isEqualTo("user_admin");
        assertThat(box.attr("name")).isEqualTo("user[admin]");
        assertThat(box.attr("value")).isEqualTo("true");
        assertThat(box.hasAttr("checked")).isTrue();
        assertThat(box.classNames()).containsExactly("rounded", "border-zinc-300", "text-zinc-900", "focus:ring-0");
        Element label = only(checked, "label");
        assertThat(label.classNames()).contains("flex", "items-center", "gap-4", "text-zinc-600");
        assertThat(label.text()).isEqualTo("Admin");

        assertThat(only(render(source, Map.of("form", Form.of(Map.of("admin", "true"), "user"))), "input[type=checkbox]")
                .hasAttr("checked")).isTrue();
        assertThat(only(render(source, Map.of("form", Form.of(Map.of("admin", "false"), "user"))), "input[type=checkbox]")
                .hasAttr("checked")).isFalse();
        assertThat(only(render(source, Map.of("form", Form.of(Map.of(), "user"))), "input[type=checkbox]")
                .hasAttr("checked")).isFalse();

        Document disabled = render("<.input name=\"ok\" type=\"checkbox\" value=\"true\" checked={false} disabled />");
        assertThat(only(disabled, "input[type=hidden]").hasAttr("disabled")).isTrue();
        assertThat(only(disabled, "input[type=checkbox]").hasAttr("disabled")).isTrue();
        assertThat(only(disabled, "input[type=checkbox]").hasAttr("checked")).isFalse();   // checked given wins
    }

    @Test
    void selectRendersPromptOptionsGroupsAndTheSelectedValues() {
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("Admin", "admin");
        roles.put("User", "user");
        Document doc = render("""
                <.input field={@form[:role]} type="select" label="Role" prompt="Choose a role" options={@roles} />""",
                Map.of("form", Form.of(Map.of("role", "user"), "user"), "roles", roles));
        Element select = only(doc, "select");
        assertThat(select.id()).isEqualTo("user_role");
        assertThat(select.attr("name")).isEqualTo("user[role]");
        assertThat(select.hasAttr("multiple")).isFalse();
        assertThat(select.classNames()).contains("mt-2", "block", "w-full", "rounded-md", "border-gray-300", "bg-white");
        Elements options = select.select("option");
        assertThat(options.eachAttr("value")).containsExactly("", "admin", "user");
        assertThat(options.eachText()).containsExactly("Choose a role", "Admin", "User");
        assertThat(options.get(2).hasAttr("selected")).isTrue();
        assertThat(select.select("option[selected]")).hasSize(1);
        assertThat(only(doc, "label").attr("for")).isEqualTo("user_role");

        Document multiple = render("""
                <.input field={@form[:tags]} type="select" multiple options={[["Europe", ["UK", "France"]], ["Asia", [["Japan", "jp"]]], "Other"]} />""",
                Map.of("form", Form.of(Map.of("tags", List.of("France", "jp")), "post")));
        Element many = only(multiple, "select");
        assertThat(many.attr("name")).isEqualTo("post[tags][]");
        assertThat(many.hasAttr("multiple")).isTrue();
        assertThat(many.select("option:not([value=''])").isEmpty()).isFalse();
        assertThat(many.select("> optgroup").eachAttr("label")).containsExactly("Europe", "Asia");
        assertThat(many.select("optgroup[label=Europe] option").eachAttr("value")).containsExactly("UK", "France");
        assertThat(many.select("option[selected]").eachAttr("value")).containsExactly("France", "jp");
        assertThat(many.select("> option").eachText()).containsExactly("Other");
        assertThat(many.select("option[value='']")).isEmpty();   // no prompt

        Document keywords = render("""
                <.input name="role" type="select" value="user" options={[{"Admin", "admin"}, {"User", "user"}, {:hr, nil}, "Guest"]} />
                <.input name="size" type="select" value="m" options={[small: "s", medium: "m"]} />""");
        assertThat(keywords.select("option").eachAttr("value")).containsExactly("admin", "user", "Guest", "s", "m");
        assertThat(keywords.select("option").eachText()).containsExactly("Admin", "User", "Guest", "small", "medium");
        assertThat(keywords.select("option[selected]").eachAttr("value")).containsExactly("user", "m");
        assertThat(keywords.select("hr")).hasSize(1);

        assertThatThrownBy(() -> render("<.input name=\"r\" type=\"select\" />")).hasMessageContaining("options");
    }

    @Test
    void textareaRendersItsValueAfterANewlineAndErrorClasses() {
        Form form = Form.of(Map.of("bio", "Line 1\n<b>Line 2</b>"), "user").withErrors(Map.of("bio", List.of("too long")));
        Template template = Templates.compile("<.input field={@form[:bio]} type=\"textarea\" label=\"Bio\" rows=\"3\" />",
                "t.heex", Page.class);
        String html = template.render(Map.of("form", form), null).toHtml();
        assertThat(html).contains(">\nLine 1\n&lt;b&gt;Line 2&lt;/b&gt;</textarea>");
        Element textarea = only(Jsoup.parseBodyFragment(html), "textarea");
        assertThat(textarea.id()).isEqualTo("user_bio");
        assertThat(textarea.attr("name")).isEqualTo("user[bio]");
        assertThat(textarea.attr("rows")).isEqualTo("3");
        assertThat(textarea.val()).isEqualTo("Line 1\n<b>Line 2</b>");
        assertThat(textarea.classNames()).contains("min-h-[6rem]", "border-rose-400").doesNotContain("border-zinc-300");
        assertThat(Jsoup.parseBodyFragment(html).select("p").eachText()).containsExactly("too long");
    }

    @Test
    void labelAndErrorAreComponentsToo() {
        Document doc = render("<.label for=\"x\">Name</.label><.error>can't be blank</.error>");
        assertThat(only(doc, "label").attr("for")).isEqualTo("x");
        assertThat(only(doc, "label").text()).isEqualTo("Name");
        assertThat(only(doc, "p.text-rose-600").text()).isEqualTo("can't be blank");
    }

    @Test
    void translateErrorInterpolatesTheOptions() {
        assertThat(CoreComponents.translateError("should be at least %{count} character(s)", Map.of("count", 3)))
                .isEqualTo("should be at least 3 character(s)");
        assertThat(CoreComponents.translateError("is invalid", Map.of())).isEqualTo("is invalid");
        Document doc = render("""
                <p id="a">{translate_error(["must be between %{min} and %{max}", %{min: 1, max: 9}])}</p>
                <p :for={msg <- translate_errors(@errors, :age)} class="e">{msg}</p>""",
                Map.of("errors", Map.of("age", List.of("is invalid", List.of("at most %{count}", Map.of("count", 2))))));
        assertThat(only(doc, "#a").text()).isEqualTo("must be between 1 and 9");
        assertThat(doc.select("p.e").eachText()).containsExactly("is invalid", "at most 2");
    }

    @Test
    void aChangeTrackedRenderSendsOnlyWhatTheFormChanged() {
        Template template = Templates.compile("""
                <.simple_form for={@form} phx-change="validate">
                  <.input field={@form[:email]} label="Email" />
                  <:actions><.button>{@label}</.button></:actions>
                </.simple_form>""", "t.heex", Page.class);
        Map<String, Object> assigns = new HashMap<>();
        assigns.put("form", Form.of(Map.of("email", "a", "_unused_email", ""), "user")
                .withErrors(Map.of("email", List.of("is invalid"))));
        assigns.put("label", "Save");
        Diff diff = new Diff();
        String first = JSON.writeValueAsString(diff.render(template.render(assigns, null)));
        assertThat(first).contains("user[email]").doesNotContain("is invalid");

        assertThat(JSON.writeValueAsString(diff.render(template.render(assigns, Set.of("other"))))).isEqualTo("{}");

        assigns.put("form", Form.of(Map.of("email", "b@x"), "user").withErrors(Map.of("email", List.of("is invalid"))));
        Rendered changed = template.render(assigns, Set.of("form"));
        String second = JSON.writeValueAsString(diff.render(changed));
        assertThat(second).contains("b@x").contains("is invalid");
        Document doc = Jsoup.parseBodyFragment(changed.toHtml());
        assertThat(only(doc, "input#user_email").attr("value")).isEqualTo("b@x");
        assertThat(only(doc, "p").text()).isEqualTo("is invalid");

        assigns.put("label", "Send");
        String third = JSON.writeValueAsString(diff.render(template.render(assigns, Set.of("label"))));
        assertThat(third).contains("Send").doesNotContain("b@x").doesNotContain("is invalid");
    }

    // ------------------------------------------------------------------ header, table, list, back

    @Test
    void headerHasTitleSubtitleAndActions() {
        Document doc = render("""
                <.header class="mb-4">Listing Users<:subtitle>All of them</:subtitle><:actions><.button>New</.button></:actions></.header>""");
        Element header = only(doc, "header");
        assertThat(header.classNames()).containsExactly("flex", "items-center", "justify-between", "gap-6", "mb-4");
        Element title = only(doc, "header h1");
        assertThat(title.text()).isEqualTo("Listing Users");
        assertThat(title.classNames()).containsExactly("text-lg", "font-semibold", "leading-8", "text-zinc-800");
        assertThat(only(doc, "header p").text()).isEqualTo("All of them");
        assertThat(only(doc, "header div.flex-none button").text()).isEqualTo("New");

        Document plain = render("<.header>Title</.header>");
        assertThat(only(plain, "header").classNames()).isEmpty();
        assertThat(plain.select("header p")).isEmpty();
        assertThat(only(plain, "header div.flex-none").children()).isEmpty();
    }

    @Test
    void tableRendersColumnsRowsActionsAndRowFunctions() {
        Function<Object, Object> click = row -> JS.navigate("/users/" + ((User) row).id());
        Function<Object, Object> rowId = row -> "user-" + ((User) row).id();
        Document doc = render("""
                <.table id="users" rows={@users} row_id={@row_id} row_click={@click}>
                  <:col :let={user} label="id">{user.id}</:col>
                  <:col :let={user} label="username">{user.username}</:col>
                  <:action :let={user}><.link navigate={"/users/#{user.id}/edit"}>Edit</.link></:action>
                  <:action :let={user}><a href="#" phx-click="delete" phx-value-id={user.id}>Delete</a></:action>
                </.table>""", Map.of("users", List.of(new User(1, "ada"), new User(2, "bob")), "row_id", rowId, "click", click));
        Element table = only(doc, "div.overflow-y-auto > table");
        assertThat(table.classNames()).containsExactly("w-[40rem]", "mt-11", "sm:w-full");
        Elements headings = table.select("thead th");
        assertThat(headings.eachText()).containsExactly("id", "username", "Actions");
        assertThat(headings.get(2).selectFirst("span").className()).isEqualTo("sr-only");
        Element body = only(doc, "tbody#users");
        assertThat(body.hasAttr("phx-update")).isFalse();
        Elements rows = body.select("> tr");
        assertThat(rows.eachAttr("id")).containsExactly("user-1", "user-2");
        assertThat(rows.get(0).classNames()).containsExactly("group", "hover:bg-zinc-50");
        Elements cells = rows.get(0).select("> td");
        assertThat(cells).hasSize(3);
        assertThat(cells.get(0).text()).isEqualTo("1");
        assertThat(cells.get(1).text()).isEqualTo("ada");
        assertThat(cells.get(0).select("span.relative").first().classNames()).contains("font-semibold", "text-zinc-900");
        assertThat(cells.get(1).select("span.relative").first().classNames()).containsExactly("relative");
        for (int i = 0; i < 2; i++) {
            assertThat(cells.get(i).classNames()).containsExactly("relative", "p-0", "hover:cursor-pointer");
            assertThat(js(cells.get(i), "phx-click")).isEqualTo(json("[[\"navigate\",{\"href\":\"/users/1\",\"replace\":false}]]"));
        }
        Element actions = cells.get(2);
        assertThat(actions.hasAttr("phx-click")).isFalse();
        assertThat(actions.classNames()).containsExactly("relative", "w-14", "p-0");
        assertThat(actions.select("a").eachText()).containsExactly("Edit", "Delete");
        assertThat(actions.selectFirst("a").attr("href")).isEqualTo("/users/1/edit");
        assertThat(rows.get(1).select("a[phx-click=delete]").attr("phx-value-id")).isEqualTo("2");
        assertThat(js(rows.get(1).selectFirst("td"), "phx-click").get(0).get(1).get("href").asString()).isEqualTo("/users/2");

        Document plain = render("""
                <.table id="t" rows={[1, 2, 3]} row_item={@double}><:col :let={n} label="n">{n}</:col></.table>""",
                Map.of("double", (Function<Object, Object>) n -> ((Number) n).longValue() * 2));
        assertThat(plain.select("tbody tr td").eachText()).containsExactly("2", "4", "6");
        assertThat(plain.select("tbody tr").eachAttr("id")).isEmpty();
        assertThat(plain.select("tbody td[phx-click]")).isEmpty();
        assertThat(plain.select("thead th")).hasSize(1);
        assertThat(plain.selectFirst("tbody td").classNames()).containsExactly("relative", "p-0");

        assertThatThrownBy(() -> render("<.table id=\"t\" rows={[1]} row_click=\"go\"><:col>x</:col></.table>"))
                .hasMessageContaining("row_click").hasMessageContaining("Function");
    }

    @Test
    void tableOfAStreamIsAPhxUpdateStreamWithDomIdsAsRowIds() {
        StreamItems users = new Stream("0", List.of(
                new StreamItems.Entry("users-1", -1, null, new User(1, "ada")),
                new StreamItems.Entry("users-2", -1, null, new User(2, "bob"))), List.of(), false);
        Template template = Templates.compile("""
                <.table id="users" rows={@streams.users} row_click={@click}>
                  <:col :let={{_id, user}} label="username">{user.username}</:col>
                  <:action :let={{id, _user}}><a href="#" phx-click={JS.push("delete", value: %{id: id})}>Delete</a></:action>
                </.table>""", "t.heex", Page.class);
        Function<Object, Object> click = row -> JS.push("open", Map.of("value", Map.of("dom_id", ((List<?>) row).get(0))));
        Map<String, Object> assigns = Map.of("streams", Map.of("users", users), "click", click);
        Document doc = Jsoup.parseBodyFragment(template.render(assigns, null).toHtml());
        Element body = only(doc, "tbody#users");
        assertThat(body.attr("phx-update")).isEqualTo("stream");
        assertThat(body.select("> tr").eachAttr("id")).containsExactly("users-1", "users-2");
        assertThat(body.select("> tr > td:first-child").eachText()).containsExactly("ada", "bob");
        assertThat(js(body.selectFirst("td"), "phx-click").get(0).get(1).get("value").get("dom_id").asString()).isEqualTo("users-1");
        assertThat(js(body.select("a").get(1), "phx-click").get(0).get(1).get("value").get("id").asString()).isEqualTo("users-2");

        // the diff carries the stream operations, so the client inserts the rows
        String diff = JSON.writeValueAsString(new Diff().render(template.render(assigns, null)));
        assertThat(diff).contains("phx-update=\\\"stream\\\"")
                .contains("\"stream\":[\"0\",[[\"users-1\",-1,null],[\"users-2\",-1,null]],[]]");
    }

    @Test
    void listRendersEachItemWithItsTitle() {
        Document doc = render("""
                <.list>
                  <:item title="Title">{@post.title}</:item>
                  <:item title="Views">{@post.views}</:item>
                </.list>""", Map.of("post", Map.of("title", "Hello", "views", 42)));
        assertThat(only(doc, "div.mt-14 > dl").classNames()).containsExactly("-my-4", "divide-y", "divide-zinc-100");
        Elements items = doc.select("dl > div");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).classNames()).contains("flex", "gap-4", "py-4", "sm:gap-8");
        assertThat(doc.select("dt").eachText()).containsExactly("Title", "Views");
        assertThat(doc.select("dd").eachText()).containsExactly("Hello", "42");
        assertThat(doc.selectFirst("dt").classNames()).containsExactly("w-1/4", "flex-none", "text-zinc-500");
    }

    @Test
    void backIsALiveNavigationLinkWithAnArrow() {
        Document doc = render("<.back navigate=\"/posts\">Back to posts</.back>");
        Element link = only(doc, "div.mt-16 > a");
        assertThat(link.attr("href")).isEqualTo("/posts");
        assertThat(link.attr("data-phx-link")).isEqualTo("redirect");
        assertThat(link.attr("data-phx-link-state")).isEqualTo("push");
        assertThat(link.classNames()).contains("text-sm", "font-semibold", "text-zinc-900", "hover:text-zinc-700");
        assertThat(link.selectFirst("span").classNames()).containsExactly("hero-arrow-left-solid", "h-3", "w-3");
        assertThat(link.text()).isEqualTo("Back to posts");
    }
}
