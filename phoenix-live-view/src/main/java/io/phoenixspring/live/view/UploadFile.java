package io.phoenixspring.live.view;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary file of one preflighted entry, shared by the view (which consumes it) and the entry's
 * {@code lvu:} channel (which writes the client's chunks): thread-safe. It accepts at most the entry's
 * declared size, is written only after the channel joined, and is deleted when consumed, cancelled, or
 * when either side ends. The runtime uses it; views see only the path given to {@link UploadConsumer}.
 */
public final class UploadFile {

    /** Sent to the view when the entry's upload channel ended (the view then drops the entry). */
    public record Ended(UploadFile file) {
    }

    private final String configRef;
    private final String entryRef;
    private final long size;
    private Path path;
    private OutputStream out;
    private long written;
    private boolean discarded;
    /** Closes the entry's upload channel ({@code phx_close}); set when it joins. */
    private Runnable closer;
    private Runnable whenDiscarded = () -> { };

    UploadFile(String configRef, String entryRef, long size) {
        this.configRef = configRef;
        this.entryRef = entryRef;
        this.size = size;
    }

    public String configRef() {
        return configRef;
    }

    public String entryRef() {
        return entryRef;
    }

    /** The declared size: the most bytes this file takes. */
    public long size() {
        return size;
    }

    /**
     * The upload channel joined: the file is created. False when it was discarded or already joined
     * (a token is good for one join).
     */
    public synchronized boolean open(Runnable closer) throws IOException {
        if (discarded || this.closer != null) {
            return false;
        }
        path = Files.createTempFile("phx-upload-", ".part");
        out = Files.newOutputStream(path);
        this.closer = closer;
        return true;
    }

    /** Appends a chunk; false (nothing written) when it would exceed the declared size or the file is gone. */
    public synchronized boolean write(byte[] chunk) throws IOException {
        if (discarded || out == null || written + chunk.length > size) {
            return false;
        }
        out.write(chunk);
        written += chunk.length;
        if (written == size) {
            out.close();
        }
        return true;
    }

    public synchronized long written() {
        return written;
    }

    public synchronized boolean complete() {
        return !discarded && out != null && written == size;
    }

    synchronized Path path() {
        return path;
    }

    /** Deletes the file and closes the upload channel; idempotent. */
    public void discard() {
        Runnable close;
        Runnable forget;
        synchronized (this) {
            if (discarded) {
                return;
            }
            discarded = true;
            close = closer;
            forget = whenDiscarded;
            try {
                if (out != null) {
                    out.close();
                }
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // A temp file that cannot be deleted now is left to the OS's temp cleaning.
            }
        }
        forget.run();
        if (close != null) {
            close.run();
        }
    }

    /** Runs {@code action} when the file is discarded (the runtime forgets the entry's token then). */
    public synchronized void whenDiscarded(Runnable action) {
        whenDiscarded = action;
    }

    public synchronized boolean discarded() {
        return discarded;
    }
}
