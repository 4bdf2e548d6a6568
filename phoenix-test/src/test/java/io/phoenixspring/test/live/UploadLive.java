package io.phoenixspring.test.live;

import io.phoenixspring.live.template.TemplateFunction;
import io.phoenixspring.live.view.HandleEvent;
import io.phoenixspring.live.view.LiveSocket;
import io.phoenixspring.live.view.LiveView;
import io.phoenixspring.live.view.PhoenixLiveView;
import io.phoenixspring.live.view.UploadOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Uploads: up to two .png/.txt files of at most 1,000 bytes in chunks of 64; {@code save} consumes them and
 * lists each file's name, size and the hex of its bytes (so a test sees exactly what arrived).
 */
@PhoenixLiveView
public class UploadLive implements LiveView {

    @Override
    public void mount(Map<String, Object> params, Map<String, Object> session, LiveSocket socket) {
        socket.assign("uploaded", List.of())
                .allowUpload("photo", UploadOptions.accept(".png", ".txt").maxEntries(2).maxFileSize(1_000).chunkSize(64));
    }

    @HandleEvent("validate")
    void validate(Map<String, Object> form, LiveSocket socket) {
    }

    @HandleEvent("save")
    void save(Map<String, Object> form, LiveSocket socket) {
        List<String> files = socket.consumeUploadedEntries("photo", (path, entry) -> {
            byte[] bytes = Files.readAllBytes(path);
            return entry.clientName() + " " + bytes.length + " " + HexFormat.of().formatHex(bytes);
        });
        List<String> uploaded = new ArrayList<>(socket.<List<String>>get("uploaded"));
        uploaded.addAll(files);
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
