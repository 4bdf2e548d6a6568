package io.phoenixspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The port of the client's Rendered: diffs merged key by key, "s" replacing, comprehensions, shared templates, streams. */
class RenderedTreeTest {

    private static JsonNode json(String text) {
        return Payloads.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void dynamicsMergeByKeyAndStaticsReplaceTheSubtree() {
        RenderedTree tree = new RenderedTree(json("{'0':'a','1':{'0':'x','s':['<b>','</b>']},'s':['<p>','','</p>'],'r':1}"));
        assertThat(tree.toHtml().text()).isEqualTo("<p>a<b>x</b></p>");
        tree.merge(json("{'1':{'0':'y'}}"));
        assertThat(tree.toHtml().text()).isEqualTo("<p>a<b>y</b></p>");
        tree.merge(json("{'1':{'0':'z','s':['<i>','</i>']}}"));
        assertThat(tree.toHtml().text()).isEqualTo("<p>a<i>z</i></p>");
        tree.merge(json("{'0':'b','1':''}"));
        assertThat(tree.toHtml().text()).isEqualTo("<p>b</p>");
        tree.merge(json("{'0':'new','s':['<h1>','</h1>']}"));
        assertThat(tree.toHtml().text()).isEqualTo("<h1>new</h1>");
    }

    @Test
    void comprehensionsReplaceTheirRowsAndShareTemplatesThroughP() {
        RenderedTree tree = new RenderedTree(json("{'0':{'d':[[{'0':'1','s':0}],[{'0':'2','s':0}]],'s':['<li>','</li>'],"
                + "'p':{'0':['<b>','</b>']}},'s':['<ul>','</ul>']}"));
        assertThat(tree.toHtml().text()).isEqualTo("<ul><li><b>1</b></li><li><b>2</b></li></ul>");
        tree.merge(json("{'0':{'d':[['x']]}}"));
        assertThat(tree.toHtml().text()).isEqualTo("<ul><li>x</li></ul>");
        // A comprehension in a row takes its statics from the outer comprehension's templates.
        tree.merge(json("{'0':{'d':[[{'d':[['a'],['b']],'s':0}]],'p':{'0':['<i>','</i>']}}}"));
        assertThat(tree.toHtml().text()).isEqualTo("<ul><li><i>a</i><i>b</i></li></ul>");
    }

    @Test
    void streamRowsAreRenderedOnceThenLeftToTheDom() {
        RenderedTree tree = new RenderedTree(json("{'0':{'d':[[' id=\\'i-1\\'','milk']],'s':['<li','>','</li>'],"
                + "'stream':['0',[['i-1',-1,null]],[]]},'s':['<ul id=\\'items\\' phx-update=\\'stream\\'>','</ul>']}"));
        RenderedTree.Html first = tree.toHtml();
        assertThat(first.text()).isEqualTo("<ul id=\"items\" phx-update=\"stream\"><li id=\"i-1\">milk</li></ul>");
        assertThat(first.streams()).containsExactly(new RenderedTree.Stream("0",
                List.of(new RenderedTree.Insert("i-1", -1, null)), List.of(), false));
        RenderedTree.Html second = tree.toHtml();
        assertThat(second.text()).isEqualTo("<ul id=\"items\" phx-update=\"stream\"></ul>");
        assertThat(second.streams()).isEmpty();
        tree.merge(json("{'0':{'d':[],'stream':['0',[],['i-1'],true]}}"));
        assertThat(tree.toHtml().streams()).containsExactly(new RenderedTree.Stream("0", List.of(), List.of("i-1"), true));
    }

    @Test
    void liveComponentsAreTheirCidsTreesWithSharedStaticsMergedAsTheClientMergesThem() {
        // The /components transcript's shape: cid 2 takes cid 1's statics from this diff ("s": 1).
        RenderedTree tree = new RenderedTree(json("{'0':1,'1':2,'s':['<main>','','</main>'],"
                + "'c':{'1':{'0':'a','1':'off','r':1,'s':['<i>',':','</i>']},'2':{'0':'b','1':'off','s':1}}}"));
        String one = "<i data-phx-component=\"1\">a:off</i>";
        assertThat(tree.toHtml().text()).isEqualTo("<main>" + one + "<i data-phx-component=\"2\">b:off</i></main>");
        tree.merge(json("{'c':{'2':{'1':'on'}}}"));
        assertThat(tree.toHtml().text()).isEqualTo("<main>" + one + "<i data-phx-component=\"2\">b:on</i></main>");
        // A new cid 3 takes cid 2's tree as it was before this diff ("s": -2), though cid 2 changes in the same diff.
        tree.merge(json("{'1':3,'c':{'2':{'1':'off'},'3':{'0':'c','s':-2}}}"));
        assertThat(tree.toHtml().text()).isEqualTo("<main>" + one + "<i data-phx-component=\"3\">c:on</i></main>");
        tree.merge(json("{'1':2}"));
        assertThat(tree.toHtml().text()).isEqualTo("<main>" + one + "<i data-phx-component=\"2\">b:off</i></main>");
        assertThatThrownBy(() -> new RenderedTree(json("{'0':7,'s':['','']}")).toHtml())
                .isInstanceOf(AssertionError.class).hasMessageContaining("the component 7");
    }
}
