package io.phoenixspring.live.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.form.Form;
import io.phoenixspring.live.rendered.Diff;
import io.phoenixspring.live.rendered.Rendered;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates equivalent to the transcripts' pages render the trees a real LiveView 1.0 server sent
 * (liveview-wire-transcripts.md), at join and after each event.
 */
class TranscriptTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TemplateImports(CoreComponents.class)
    static class Pages {
    }

    /** The app layout of the transcripts' app: the flash group, then the page. */
    private static final Template LAYOUT = Templates.compile("""
            <.flash_group flash={@flash} />
            {@inner_content}
            """, "app.html.heex", Pages.class);

    /** Renders the page inside the layout, as the runtime does: the page is always "changed" for the layout. */
    private static Rendered withLayout(Template page, Map<String, Object> assigns, Set<String> changed) {
        return withLayout(page, assigns, changed, Map.of());
    }

    /** With the previous values of changed assigns, for nested change tracking ({@code @form[:name]}). */
    private static Rendered withLayout(Template page, Map<String, Object> assigns, Set<String> changed,
            Map<String, Object> previous) {
        Map<String, Object> layoutAssigns = new HashMap<>(assigns);
        layoutAssigns.put("inner_content", page.render(assigns, changed, previous));
        Set<String> layoutChanged = null;
        if (changed != null) {
            layoutChanged = new HashSet<>(changed);
            layoutChanged.add("inner_content");
        }
        return LAYOUT.render(layoutAssigns, layoutChanged, previous);
    }

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    private static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    @Test
    void counterJoinAndClicksAsTheTranscript() {
        Template counter = Templates.compile("""
                <h1>Counter</h1>
                <p>Count: <span id="count">{@count}</span></p>
                <button id="dec" phx-click="dec">-1</button>
                <button id="inc" phx-click="inc">+1</button>
                <button id="inc-by" phx-click="inc" phx-value-by="5">+5</button>
                <.link patch="/counter?start=0" id="reset-link">reset</.link>
                """, "counter_live.html.heex", Pages.class);
        Diff diff = new Diff();
        Map<String, Object> assigns = new HashMap<>(Map.of("count", 5, "flash", Map.of()));
        assertThat(json(diff.render(withLayout(counter, assigns, null)))).isEqualTo(parse("""
                {"0": {"0":{"0":"","s":["",""]},"1":{"0":"","s":["",""]},"r":1,"s":["<div id=\\"flash-group\\">\\n  ","\\n  ","\\n</div>"]},
                 "1": {
                   "0": "5",
                   "1": {"0":" href=\\"/counter?start=0\\"","1":" data-phx-link-state=\\"push\\"","2":" id=\\"reset-link\\"","3":{"s":["reset"]},"r":1,"s":["<a"," data-phx-link=\\"patch\\"","",">","</a>"]},
                   "s": [
                     "<h1>Counter</h1>\\n<p>Count: <span id=\\"count\\">",
                     "</span></p>\\n<button id=\\"dec\\" phx-click=\\"dec\\">-1</button>\\n<button id=\\"inc\\" phx-click=\\"inc\\">+1</button>\\n<button id=\\"inc-by\\" phx-click=\\"inc\\" phx-value-by=\\"5\\">+5</button>\\n",
                     ""
                   ]
                 },
                 "s": ["","\\n",""]}
                """));
        assigns.put("count", 6);
        assertThat(json(diff.render(withLayout(counter, assigns, Set.of("count"))))).isEqualTo(parse("{\"1\":{\"0\":\"6\"}}"));
        assigns.put("count", 11);
        assertThat(json(diff.render(withLayout(counter, assigns, Set.of("count"))))).isEqualTo(parse("{\"1\":{\"0\":\"11\"}}"));
        assigns.put("count", 0);   // live patch to /counter?start=0
        assertThat(json(diff.render(withLayout(counter, assigns, Set.of("count"))))).isEqualTo(parse("{\"1\":{\"0\":\"0\"}}"));
    }

    @Test
    void theDeadRenderIsTheSameHtmlAsTheTranscripts() {
        Template crash = Templates.compile("""
                <h1>Crash</h1>
                <p>Mounted: <span id="mounted">{@mounted}</span></p>
                <button id="boom" phx-click="boom">boom</button>
                """, "crash_live.html.heex", Pages.class);
        String html = withLayout(crash, Map.of("mounted", "dead", "flash", Map.of()), null).toHtml();
        assertThat(html).isEqualTo("""
                <div id="flash-group">
                 \s
                 \s
                </div>
                <h1>Crash</h1>
                <p>Mounted: <span id="mounted">dead</span></p>
                <button id="boom" phx-click="boom">boom</button>""");
    }

    private static final String LIST = """
            <h1>List</h1>
            <p>Items: <span id="item-count">{@count}</span></p>
            <ul id="items" phx-update="stream">
              <li :for={{id, item} <- @streams.items} id={id}>
                <span class="text">{item.text}</span>
                <button id={"delete-#{item.id}"} phx-click="delete" phx-value-id={item.id}>delete</button>
              </li>
            </ul>
            <.form for={@form} id="add-form" phx-submit="add">
              <input type="text" name="text" id="add-text" value={@text} autocomplete="off">
              <button type="submit" id="add">Add</button>
            </.form>
            <div id="tags">
              <span :for={tag <- @tags} class="tag">{tag}</span>
            </div>
            <button id="shuffle" phx-click="shuffle">shuffle</button>
            """;

    record Item(long id, String text) {
    }

    record Stream(String ref, List<Entry> inserts, List<String> deletes, boolean reset) implements StreamItems {
        static Stream of(List<Entry> inserts, List<String> deletes) {
            return new Stream("0", inserts, deletes, false);
        }
    }

    @Test
    void listStreamsAndComprehensionsAsTheTranscript() {
        Template list = Templates.compile(LIST, "list_live.html.heex", Pages.class);
        Diff diff = new Diff();
        Map<String, Object> assigns = new HashMap<>();
        assigns.put("flash", Map.of());
        assigns.put("count", 0);
        assigns.put("text", "");
        assigns.put("form", Form.of(Map.of(), null));
        assigns.put("tags", List.of("red", "green", "blue"));
        assigns.put("streams", Map.of("items", Stream.of(List.of(), List.of())));
        assertThat(json(diff.render(withLayout(list, assigns, null)).get("1"))).isEqualTo(parse("""
                {
                  "0": "0",
                  "1": {"d":[],"s":[],"stream":["0",[],[]]},
                  "2": {
                    "0": " phx-submit=\\"add\\" id=\\"add-form\\"",
                    "1": "",
                    "2": "",
                    "3": {"0":" value=\\"\\"","s":["\\n  <input type=\\"text\\" name=\\"text\\" id=\\"add-text\\""," autocomplete=\\"off\\">\\n  <button type=\\"submit\\" id=\\"add\\">Add</button>\\n"]},
                    "r": 1,
                    "s": ["<form",">\\n  ","\\n  ","\\n  ","\\n</form>"]
                  },
                  "3": {"d":[["red"],["green"],["blue"]],"s":["<span class=\\"tag\\">","</span>"]},
                  "s": [
                    "<h1>List</h1>\\n<p>Items: <span id=\\"item-count\\">",
                    "</span></p>\\n<ul id=\\"items\\" phx-update=\\"stream\\">\\n  ",
                    "\\n</ul>\\n",
                    "\\n<div id=\\"tags\\">\\n  ",
                    "\\n</div>\\n<button id=\\"shuffle\\" phx-click=\\"shuffle\\">shuffle</button>"
                  ]
                }
                """));

        assigns.put("count", 1);
        assigns.put("streams", Map.of("items", Stream.of(
                List.of(new StreamItems.Entry("items-56", -1, null, new Item(56, "milk mxbtq0sd"))), List.of())));
        assertThat(json(diff.render(withLayout(list, assigns, Set.of("count", "streams"))))).isEqualTo(parse("""
                {"1": {"0": "1",
                       "1": {"d": [[" id=\\"items-56\\"","milk mxbtq0sd","56"," phx-value-id=\\"56\\""]],
                             "s": ["<li",">\\n    <span class=\\"text\\">","</span>\\n    <button id=\\"delete-","\\" phx-click=\\"delete\\"",">delete</button>\\n  </li>"],
                             "stream": ["0",[["items-56",-1,null]],[]]}}}
                """));

        assigns.put("count", 0);
        assigns.put("streams", Map.of("items", Stream.of(List.of(), List.of("items-56"))));
        assertThat(json(diff.render(withLayout(list, assigns, Set.of("count", "streams")))))
                .isEqualTo(parse("{\"1\":{\"0\":\"0\",\"1\":{\"d\":[],\"stream\":[\"0\",[],[\"items-56\"]]}}}"));

        assigns.put("tags", List.of("green", "blue", "red"));
        assertThat(json(diff.render(withLayout(list, assigns, Set.of("tags")))))
                .isEqualTo(parse("{\"1\":{\"3\":{\"d\":[[\"green\"],[\"blue\"],[\"red\"]]}}}"));
    }

    @Test
    void functionComponentsWithSlotsAsTheComponentsTranscript() {
        Template components = Templates.compile("""
                <h1>Components</h1>
                <.card id="card-a" title="Card A">
                  First card body.
                  <:footer>Footer A</:footer>
                </.card>
                <.card id="card-b" title="Card B">
                  Second card body.
                  <:footer>Footer B</:footer>
                </.card>
                """, "components_live.html.heex", Pages.class);
        Map<String, Object> page = new Diff().render(components.render(Map.of(), null));
        String card = """
                {"0": " id=\\"card-%s\\"",
                 "1": "Card %s",
                 "2": {"s":["\\n  %s card body.\\n  "]},
                 "3": {"0":{"s":["Footer %s"]},"s":["<footer class=\\"card-footer\\">","</footer>"]},
                 "r": 1,
                 "s": ["<section"," class=\\"card\\">\\n  <h2 class=\\"card-title\\">","</h2>\\n  <div class=\\"card-body\\">","</div>\\n  ","\\n</section>"]}
                """;
        assertThat(json(page.get("0"))).isEqualTo(parse(card.formatted("a", "A", "First", "A")));
        assertThat(json(page.get("1"))).isEqualTo(parse(card.formatted("b", "B", "Second", "B")));
    }

    @Test
    void navLinksSendTheChangedHrefAndTheirGlobalAttributesAsTheNavTranscript() {
        Template nav = Templates.compile("""
                <h1>Nav</h1>
                <p>Page <span id="page">{@page}</span>, handle_params ran <span id="patched">{@patched}</span> times</p>
                <.link patch={"/nav/#{@page + 1}"} id="next">next</.link>
                <.link navigate="/counter" id="to-counter">counter</.link>
                <button id="push-patch" phx-click="jump">jump to 100</button>
                """, "nav_live.html.heex", Pages.class);
        Diff diff = new Diff();
        Map<String, Object> assigns = new HashMap<>(Map.of("page", 1, "patched", 1, "flash", Map.of()));
        assertThat(json(diff.render(withLayout(nav, assigns, null)).get("1"))).isEqualTo(parse("""
                {"0": "1",
                 "1": "1",
                 "2": {"0":" href=\\"/nav/2\\"","1":" data-phx-link-state=\\"push\\"","2":" id=\\"next\\"","3":{"s":["next"]},"r":1,"s":["<a"," data-phx-link=\\"patch\\"","",">","</a>"]},
                 "3": {"0":" href=\\"/counter\\"","1":" data-phx-link-state=\\"push\\"","2":" id=\\"to-counter\\"","3":{"s":["counter"]},"r":1,"s":["<a"," data-phx-link=\\"redirect\\"","",">","</a>"]},
                 "s": ["<h1>Nav</h1>\\n<p>Page <span id=\\"page\\">",
                       "</span>, handle_params ran <span id=\\"patched\\">",
                       "</span> times</p>\\n",
                       "\\n",
                       "\\n<button id=\\"push-patch\\" phx-click=\\"jump\\">jump to 100</button>"]}
                """));
        assigns.put("page", 2);
        assigns.put("patched", 2);
        assertThat(json(diff.render(withLayout(nav, assigns, Set.of("page", "patched"))))).isEqualTo(parse("""
                {"1":{"0":"2","1":"2","2":{"0":" href=\\"/nav/3\\"","2":" id=\\"next\\""}}}
                """));
        assigns.put("page", 100);   // push_patch to /nav/100
        assigns.put("patched", 3);
        assertThat(json(diff.render(withLayout(nav, assigns, Set.of("page", "patched"))))).isEqualTo(parse("""
                {"1":{"0":"100","1":"3","2":{"0":" href=\\"/nav/101\\"","2":" id=\\"next\\""}}}
                """));
        assertThat(withLayout(nav, assigns, null).toHtml()).contains("""
                <a href="/nav/101" data-phx-link="patch" data-phx-link-state="push" id="next">next</a>
                <a href="/counter" data-phx-link="redirect" data-phx-link-state="push" id="to-counter">counter</a>""");
    }

    private static final String FORM = """
            <h1>Form</h1>
            <.form for={@form} id="user-form" phx-change="validate" phx-submit="save">
              <.input field={@form[:name]} label="Name" autocomplete="off" />
              <.input field={@form[:email]} label="Email" autocomplete="off" />
              <button type="submit" id="save">Save</button>
            </.form>
            """;

    private static Form userForm(Map<String, Object> params) {
        Map<String, List<String>> errors = new HashMap<>();
        if (String.valueOf(params.getOrDefault("name", "")).length() < 3) {
            errors.put("name", List.of("should be at least 3 character(s)"));
        }
        if (!String.valueOf(params.getOrDefault("email", "")).contains("@")) {
            errors.put("email", List.of("must have the @ sign"));
        }
        return Form.of(params, "user").withErrors(params.isEmpty() ? Map.of() : errors);
    }

    /** The field markup of /form's join tree, for a field without value and errors. */
    private static final String EMPTY_FIELD = """
            {"0": " for=\\"user_%1$s\\"", "1": "%2$s", "2": " type=\\"text\\"", "3": " name=\\"user[%1$s]\\"",
             "4": " id=\\"user_%1$s\\"", "5": "", "6": " autocomplete=\\"off\\"", "7": "user_%1$s", "8": "", "r": 1,
             "s": ["<div class=\\"field\\">\\n  <label",">","</label>\\n  <input","","","","",">\\n  <div id=\\"",
                   "-errors\\" class=\\"errors\\">\\n    ","\\n  </div>\\n</div>"]}
            """;

    @Test
    void formFieldsChangeTrackedPerFieldAsTheFormTranscript() {
        Template page = Templates.compile(FORM, "form_live.html.heex", Pages.class);
        Diff diff = new Diff();
        Map<String, Object> assigns = new HashMap<>(Map.of("flash", Map.of(), "form", userForm(Map.of())));
        assertThat(json(diff.render(withLayout(page, assigns, null)).get("1"))).isEqualTo(parse("""
                {"0": {"0": " phx-submit=\\"save\\" phx-change=\\"validate\\" id=\\"user-form\\"",
                       "1": "",
                       "2": "",
                       "3": {"0": %s,
                             "1": %s,
                             "s": ["\\n  ","\\n  ","\\n  <button type=\\"submit\\" id=\\"save\\">Save</button>\\n"]},
                       "r": 1,
                       "s": ["<form",">\\n  ","\\n  ","\\n  ","\\n</form>"]},
                 "s": ["<h1>Form</h1>\\n",""]}
                """.formatted(EMPTY_FIELD.formatted("name", "Name"), EMPTY_FIELD.formatted("email", "Email"))));

        // Type "A" into name: user[name]=A&user[_unused_email]=&user[email]=&_target=user[name]
        Form before = (Form) assigns.get("form");
        assigns.put("form", userForm(Map.of("name", "A", "_unused_email", "", "email", "")));
        assertThat(json(diff.render(withLayout(page, assigns, Set.of("form"), Map.of("form", before))))).isEqualTo(parse("""
                {"1": {"0": {
                  "0": " phx-submit=\\"save\\" phx-change=\\"validate\\" id=\\"user-form\\"",
                  "1": "",
                  "2": "",
                  "3": {
                    "0": {"0": " for=\\"user_name\\"", "3": " name=\\"user[name]\\"", "4": " id=\\"user_name\\"", "5": " value=\\"A\\"",
                          "6": " autocomplete=\\"off\\"", "7": "user_name",
                          "8": {"d":[["should be at least 3 character(s)"]],"s":["<p class=\\"error\\">","</p>"]}},
                    "1": {"0":" for=\\"user_email\\"","3":" name=\\"user[email]\\"","4":" id=\\"user_email\\"","5":" value=\\"\\"",
                          "6":" autocomplete=\\"off\\"","7":"user_email","8":""}}}}}
                """));

        // Submit with email untouched: no _unused_ params, so the email counts as used; the name field is unchanged
        before = (Form) assigns.get("form");
        assigns.put("form", userForm(Map.of("name", "A", "email", "")));
        assertThat(json(diff.render(withLayout(page, assigns, Set.of("form"), Map.of("form", before))))).isEqualTo(parse("""
                {"1": {"0": {
                  "0": " phx-submit=\\"save\\" phx-change=\\"validate\\" id=\\"user-form\\"",
                  "1": "",
                  "2": "",
                  "3": {
                    "1": {"0": " for=\\"user_email\\"", "3": " name=\\"user[email]\\"", "4": " id=\\"user_email\\"", "5": " value=\\"\\"",
                          "6": " autocomplete=\\"off\\"", "7": "user_email",
                          "8": {"d":[["must have the @ sign"]],"s":["<p class=\\"error\\">","</p>"]}}}}}}
                """));
    }

    @Test
    void theFormDeadRenderIsTheTranscriptsHtml() {
        Template page = Templates.compile(FORM, "form_live.html.heex", Pages.class);
        String html = withLayout(page, Map.of("flash", Map.of(), "form", userForm(Map.of())), null).toHtml();
        // The transcript's dead-render HTML leaves out whitespace-only lines.
        assertThat(html.lines().filter(line -> !line.isBlank()).collect(java.util.stream.Collectors.joining("\n"))).isEqualTo("""
                <div id="flash-group">
                </div>
                <h1>Form</h1>
                <form phx-submit="save" phx-change="validate" id="user-form">
                  <div class="field">
                  <label for="user_name">Name</label>
                  <input type="text" name="user[name]" id="user_name" autocomplete="off">
                  <div id="user_name-errors" class="errors">
                  </div>
                </div>
                  <div class="field">
                  <label for="user_email">Email</label>
                  <input type="text" name="user[email]" id="user_email" autocomplete="off">
                  <div id="user_email-errors" class="errors">
                  </div>
                </div>
                  <button type="submit" id="save">Save</button>
                </form>""");
    }

    @Test
    void aFlashShowsAndIsClearedAsTheListTranscript() {
        Template page = Templates.compile("<h1>List</h1>", "list_live.html.heex", Pages.class);
        Diff diff = new Diff();
        Map<String, Object> assigns = new HashMap<>(Map.of("flash", Map.of("info", "Saved Ada")));
        JsonNode flash = json(diff.render(withLayout(page, assigns, null)).get("0"));
        // JS.push("lv:clear-flash", value: %{key: @kind}) |> JS.hide(to: "##{@id}"): the transcript shows 150 of its 193 characters
        assertThat(flash.get("0").get("0").get("1").asString()).hasSize(193);
        assertThat(flash.get("0")).isEqualTo(parse("""
                {"0": {"0":" id=\\"flash-info\\"",
                       "1":" phx-click=\\"[[&quot;push&quot;,{&quot;event&quot;:&quot;lv:clear-flash&quot;,&quot;value&quot;:{&quot;key&quot;:&quot;info&quot;}}],[&quot;hide&quot;,{&quot;to&quot;:&quot;#flash-info&quot;}]]\\"",
                       "2":"flash-info","3":"","4":"Saved Ada",
                       "s":["<div",""," role=\\"alert\\" class=\\"flash ","\\"",">\\n  ","\\n</div>"]},
                 "s": ["",""]}
                """));
        assigns.put("flash", Map.of());
        assertThat(json(diff.render(withLayout(page, assigns, Set.of("flash")))))
                .isEqualTo(parse("{\"0\":{\"0\":{\"0\":\"\"},\"1\":{\"0\":\"\"}}}"));
    }
}
