package io.phoenixspring.test;

import java.util.Objects;

/**
 * A file a test selects in a {@code <.live_file_input>}, as {@code file_input/4}'s client metadata: its
 * name, MIME type and exact content (its size is the content's), and the last-modified time a browser gives.
 *
 * <pre>{@code
 * LiveViewTest.FileInput photo = view.fileInput("#upload-form", "photo",
 *         List.of(new FileEntry("photo.png", "image/png", Files.readAllBytes(png))));
 * assertThat(photo.renderUpload("photo.png")).contains("100%");
 * }</pre>
 */
public record FileEntry(String name, String type, byte[] content, long lastModified) {

    public FileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /** Last modified at the epoch (what the view sees as {@code client_last_modified}). */
    public FileEntry(String name, String type, byte[] content) {
        this(name, type, content, 0L);
    }

    /** The content (a copy). */
    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "FileEntry[" + name + ", " + type + ", " + content.length + " bytes]";
    }
}
