package io.phoenixspring.web.conn;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Plug.Upload: a file sent in a {@code multipart/form-data} request, as it appears in the params.
 * The file is on disk at {@code path} until the response has been sent, then it is deleted, as
 * Plug deletes uploads when the request's process ends: move or copy it to keep it.
 *
 * <pre>{@code
 * Conn create(Conn conn, Params params) {
 *     Upload photo = (Upload) params.map("product").get("photo");
 *     Files.copy(photo.path(), storage.resolve(UUID.randomUUID() + "-" + photo.filename()));
 *     return Controller.json(conn.putStatus(201), Map.of("filename", photo.filename()));
 * }
 * }</pre>
 *
 * @param path where the file's bytes are, for this request only
 * @param filename the name the client gave it
 * @param contentType the part's content type, or null when the client sent none
 */
public record Upload(Path path, String filename, String contentType) {

    public Upload {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(filename, "filename");
    }
}
