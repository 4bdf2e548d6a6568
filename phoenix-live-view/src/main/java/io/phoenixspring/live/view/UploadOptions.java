package io.phoenixspring.live.view;

import java.util.List;

/**
 * The options of {@link LiveSocket#allowUpload} (allow_upload/3's): what files, how many, how big,
 * in what chunks. Defaults are Phoenix's.
 *
 * <pre>{@code
 * socket.allowUpload("photo", UploadOptions.accept(".png", ".jpg").maxEntries(2).maxFileSize(100_000));
 * }</pre>
 *
 * @param accept extensions ({@code .png}) or MIME types ({@code image/*}); empty accepts any file
 * @param maxEntries how many files at once (default 1)
 * @param maxFileSize bytes per file (default 8,000,000)
 * @param chunkSize bytes per binary chunk the client sends (default 64,000)
 * @param chunkTimeout milliseconds the client waits for a chunk's ack (default 10,000)
 * @param autoUpload upload as soon as files are selected instead of on submit
 */
public record UploadOptions(List<String> accept, int maxEntries, long maxFileSize, int chunkSize, int chunkTimeout,
        boolean autoUpload) {

    public UploadOptions {
        accept = List.copyOf(accept);
        if (maxEntries < 1 || maxFileSize < 1 || chunkSize < 1 || chunkTimeout < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
        for (String a : accept) {
            if (!a.startsWith(".") && !a.matches("[\\w.+-]+/([\\w.+-]+|\\*)")) {
                throw new IllegalArgumentException("accept entries are extensions (.png) or MIME types (image/*), got " + a);
            }
        }
    }

    /** Any file, Phoenix's defaults otherwise. */
    public static UploadOptions any() {
        return new UploadOptions(List.of(), 1, 8_000_000, 64_000, 10_000, false);
    }

    public static UploadOptions accept(String... accept) {
        return any().withAccept(List.of(accept));
    }

    public UploadOptions withAccept(List<String> accept) {
        return new UploadOptions(accept, maxEntries, maxFileSize, chunkSize, chunkTimeout, autoUpload);
    }

    public UploadOptions maxEntries(int maxEntries) {
        return new UploadOptions(accept, maxEntries, maxFileSize, chunkSize, chunkTimeout, autoUpload);
    }

    public UploadOptions maxFileSize(long maxFileSize) {
        return new UploadOptions(accept, maxEntries, maxFileSize, chunkSize, chunkTimeout, autoUpload);
    }

    public UploadOptions chunkSize(int chunkSize) {
        return new UploadOptions(accept, maxEntries, maxFileSize, chunkSize, chunkTimeout, autoUpload);
    }

    public UploadOptions chunkTimeout(int chunkTimeout) {
        return new UploadOptions(accept, maxEntries, maxFileSize, chunkSize, chunkTimeout, autoUpload);
    }

    public UploadOptions autoUpload(boolean autoUpload) {
        return new UploadOptions(accept, maxEntries, maxFileSize, chunkSize, chunkTimeout, autoUpload);
    }
}
