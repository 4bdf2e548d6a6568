package ${package};

#if( $live == "true" )
import io.phoenixspring.autoconfigure.live.LiveRoutesCustomizer;
#end
import io.phoenixspring.live.components.CoreComponents;
#if( $live == "true" )
import io.phoenixspring.live.router.LiveRoutes;
#end
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateImports;
import io.phoenixspring.web.template.Layout;
#if( $live == "true" )
import org.springframework.stereotype.Component;
#end

/**
 * The layouts of every page, as phx.new's {@code Layouts} module ({@code embed_templates "layouts/*"}):
 * {@code layouts/root.html.heex}, the HTML document (CSRF meta tag, live title, {@code ~p} asset links), put by
 * the browser pipeline ({@code Controller.putRootLayout}), and {@code layouts/app.html.heex}, the flash group
 * around the page, which controllers name in {@code @PhoenixController(layout = Layouts.class)}.
#if( $live == "true" )
 * LiveViews get both here: a {@link LiveRoutesCustomizer} bean, so {@code @PhoenixTest} slices render with them too.
#end
 */
#if( $live == "true" )
@Component
#end
@EmbedTemplates("layouts")
@TemplateImports(CoreComponents.class)
#if( $live == "true" )
public class Layouts implements LiveRoutesCustomizer {
#else
public final class Layouts {
#end

    /** The HTML document around every page. */
    public static final Layout ROOT = Layout.of(Layouts.class, "root");
    /** The flash group, then the page. */
    public static final Layout APP = Layout.of(Layouts.class, "app");
#if( $live == "true" )

    @Override
    public void customize(LiveRoutes.Builder live) {
        live.rootLayout(ROOT).layout(APP);
    }
#else

    private Layouts() {
    }
#end
}
