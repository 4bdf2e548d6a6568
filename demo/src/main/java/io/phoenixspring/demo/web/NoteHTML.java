package io.phoenixspring.demo.web;

import io.phoenixspring.live.components.CoreComponents;
import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.TemplateImports;

/**
 * NoteController's HTML view, as phx.gen.html's {@code NoteHTML}: the templates of {@code note_html/} (index, show,
 * and the form both use), with the core components every page shares.
 */
@EmbedTemplates("note_html")
@TemplateImports(CoreComponents.class)
public final class NoteHTML {

    private NoteHTML() {
    }
}
