package io.phoenixspring.demo.live;

import io.phoenixspring.live.template.TemplateFunction;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.live.view.UploadOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /upload}: files over the socket. {@code allowUpload("photo")} takes .png, .jpg and .txt, two at a
 * time, 100,000 bytes each; selecting files shows {@code #entry-REF} with the name and progress (and "Too
 * large" or, for a third file, "Too many files"); submitting consumes them: {@code #uploaded} lists
 * {@code NAME (SIZE bytes)}, the size read from the received file. Template: {@code UploadLive.html.heex}.
 */
@PhoenixLiveView
public class UploadLive implements LiveView {

    static final UploadOptions PHOTO = UploadOptions.accept(".png", ".jpg", ".txt").maxEntries(2).maxFileSize(100_000);

    /** One received file as {@code #uploaded} lists it. */
    public record Uploaded(String name, long size) {
    }

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("page_title", "Upload").assign("uploaded", List.of()).allowUpload("photo", PHOTO);
    }

    @HandleEvent("validate")
    void validate(Map<String, Object> form, LiveSocket socket) {
        // The entries are validated by the runtime; the page renders them and their errors.
    }

    @HandleEvent("cancel")
    void cancel(Map<String, Object> value, LiveSocket socket) {
        if (value.get("ref") instanceof String ref) {
            socket.cancelUpload("photo", ref);
        }
    }

    @HandleEvent("save")
    void save(Map<String, Object> form, LiveSocket socket) {
        List<Uploaded> received = socket.consumeUploadedEntries("photo",
                (path, entry) -> new Uploaded(entry.clientName(), Files.size(path)));
        List<Uploaded> uploaded = new ArrayList<>(socket.<List<Uploaded>>get("uploaded"));
        received.forEach(file -> uploaded.add(0, file));          // newest first
        socket.assign("uploaded", uploaded);
    }

    @TemplateFunction("error_to_string")
    public static String errorToString(String error) {
        return switch (error) {
            case "too_large" -> "Too large";
            case "too_many_files" -> "Too many files";
            case "not_accepted" -> "Not accepted";
            default -> error;
        };
    }
}
