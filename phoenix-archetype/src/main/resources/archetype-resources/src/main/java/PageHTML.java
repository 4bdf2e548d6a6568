package ${package};

import io.phoenixspring.live.components.CoreComponents;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateImports;

/** {@link PageController}'s templates ({@code page_html/*.html.heex}), as phx.new's {@code PageHTML}. */
@EmbedTemplates("page_html")
@TemplateImports(CoreComponents.class)
public final class PageHTML {

    private PageHTML() {
    }
}
