package io.phoenixspring.live.bench;

import io.phoenixspring.live.template.EmbedTemplates;
import io.phoenixspring.live.template.HeexViews;
import io.phoenixspring.web.template.ThymeleafRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A controller page's render, the same markup two ways in the same run: a HEEx view ({@code bench_html/index.html.heex}
 * through {@link HeexViews}, what {@code Controller.render} does for {@code @PhoenixController(html = ...)}) and the
 * Thymeleaf template it replaces ({@code bench-templates/bench/index.html}, Thymeleaf being the per-view alternative):
 * a title, a table of {@code rows} notes with escaped text and a link each, a form with the CSRF token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ControllerViewBenchmark {

    @EmbedTemplates("bench_html")
    public static final class BenchHTML {
    }

    /** A row: what a context returns. */
    public record Note(long id, String title, String body) {
    }

    @Param({"50"})
    public int rows;

    private final HeexViews heex = new HeexViews();
    private final ThymeleafRenderer thymeleaf = ThymeleafRenderer.classpath("bench-templates/");
    private Map<String, Object> assigns;

    @Setup
    public void setUp() {
        List<Note> notes = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            notes.add(new Note(i, "Note <" + i + "> & more", "Body of note " + i + ", with \"quotes\""));
        }
        assigns = new HashMap<>(Map.of("title", "Notes", "notes", notes, "csrf_token", "dGhlLXRva2Vu", "draft", "new"));
        if (!heex().contains("note-" + rows) || !thymeleaf().contains("note-" + rows)) {
            throw new IllegalStateException("the two pages must render the same rows");
        }
    }

    @Benchmark
    public String heex() {
        return heex.render(BenchHTML.class, "index", assigns);
    }

    @Benchmark
    public String thymeleaf() {
        return thymeleaf.render("bench/index", assigns);
    }
}
