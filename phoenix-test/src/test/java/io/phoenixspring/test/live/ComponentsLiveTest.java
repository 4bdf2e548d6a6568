package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** LiveViewTest on a page of live components: their trees under "c", events routed by phx-target to their cid. */
@PhoenixTest
class ComponentsLiveTest {

    @Autowired
    LiveViewTest lv;

    @Test
    void componentsRenderInThePageWithTheirCidsAndSharedStatics() {
        LiveViewTest.View view = lv.live("/components");
        assertThat(view.element("#n1").render()).isEqualTo("""
                <section data-phx-component="1" id="n1" class="note">
                  <h2>Note n1</h2>
                  <span class="text">empty</span> <span class="clicks">0</span>
                  <button class="bump" phx-click="bump" phx-target="1">bump</button>
                  <form class="edit" phx-submit="save" phx-target="#n1"><input name="text" value=""></form>
                </section>""");
        // n2 shares n1's statics on the wire ("s": 1): its HTML is whole all the same.
        assertThat(view.element("#n2 h2").render()).isEqualTo("<h2>Note n2</h2>");
        assertThat(view.element("#n2 .bump").render()).contains("phx-target=\"2\"");
    }

    @Test
    void aClickWithPhxTargetMyselfGoesToItsComponentWhichNotifiesThePage() {
        LiveViewTest.View view = lv.live("/components");
        view.element("#n2 .bump").click();
        assertThat(view.element("#n2 .clicks").render()).isEqualTo("<span class=\"clicks\">1</span>");
        assertThat(view.element("#n1 .clicks").render()).isEqualTo("<span class=\"clicks\">0</span>");
        assertThat(view.element("#heard").render()).isEqualTo("<p id=\"heard\">bumped n2</p>");
    }

    @Test
    void aFormTargetedAtTheComponentBySelectorGoesToIt() {
        LiveViewTest.View view = lv.live("/components");
        view.form("#n1 form", Map.of("text", "hello")).submit();
        assertThat(view.element("#n1 .text").render()).isEqualTo("<span class=\"text\">hello</span>");
        assertThat(view.element("#n2 .text").render()).isEqualTo("<span class=\"text\">empty</span>");
    }

    @Test
    void componentsAddedAndRemovedByThePageKeepTheOthersState() {
        LiveViewTest.View view = lv.live("/components");
        view.element("#n2 .bump").click();
        view.element("#add-n3").click();
        assertThat(view.element("#n3").render()).contains("data-phx-component=\"3\"", "<h2>Note n3</h2>");
        view.element("#remove-n1").click();
        assertThat(view.hasElement("#n1")).isFalse();
        assertThat(view.element("#n2 .clicks").render()).isEqualTo("<span class=\"clicks\">1</span>");
        view.element("#n3 .bump").click();
        assertThat(view.element("#n3 .clicks").render()).isEqualTo("<span class=\"clicks\">1</span>");
        assertThat(view.element("#heard").render()).isEqualTo("<p id=\"heard\">bumped n2, bumped n3</p>");
    }

    @Test
    void renderComponentRendersOneOutsideAnyView() {
        assertThat(lv.renderComponent(ComponentsLive.Note.class, Map.of("id", "solo", "title", "Alone"))).isEqualTo("""
                <section id="solo" class="note">
                  <h2>Alone</h2>
                  <span class="text">empty</span> <span class="clicks">0</span>
                  <button class="bump" phx-click="bump" phx-target="1">bump</button>
                  <form class="edit" phx-submit="save" phx-target="#solo"><input name="text" value=""></form>
                </section>""");
    }
}
