package io.phoenixspring.live.view;

import java.io.IOException;
import java.nio.file.Path;

/** What {@link LiveSocket#consumeUploadedEntries} does with each uploaded file; the file is deleted afterwards. */
@FunctionalInterface
public interface UploadConsumer<T> {

    /** @param path the temporary file holding exactly the entry's bytes */
    T consume(Path path, UploadEntry entry) throws IOException;
}
