package io.phoenixspring.live.view;

/**
 * One selected file (Phoenix.LiveView.UploadEntry), as templates read it: {@code entry.ref},
 * {@code entry.client_name}, {@code entry.client_size}, {@code entry.progress}, {@code entry.valid?},
 * {@code entry.done?}, {@code entry.preflighted?}.
 *
 * @param ref the client's ref of the entry ("0", "1", …)
 * @param progress percent uploaded, as the client reports it
 */
public record UploadEntry(String ref, String clientName, String clientRelativePath, long clientSize, String clientType,
        Long clientLastModified, int progress, boolean preflighted, boolean done, boolean valid) {

    UploadEntry withProgress(int progress) {
        return new UploadEntry(ref, clientName, clientRelativePath, clientSize, clientType, clientLastModified, progress,
                preflighted, progress == 100, valid);
    }

    UploadEntry preflight() {
        return new UploadEntry(ref, clientName, clientRelativePath, clientSize, clientType, clientLastModified, progress,
                true, done, valid);
    }
}
