package io.phoenixspring.live.view;

import java.util.List;

/**
 * One allowed upload (Phoenix.LiveView.UploadConfig) as templates read it from {@code @uploads.NAME}:
 * {@code .name}, {@code .ref} (the file input's id), {@code .accept}, {@code .max_entries},
 * {@code .entries}, {@code .errors}; pass it to {@code <.live_file_input upload={@uploads.photo}/>} and
 * {@code upload_errors/1,2}.
 *
 * @param accept the comma-separated accept attribute, or null for any file
 * @param errors {@code [ref, reason]} pairs: the config's ref with {@code too_many_files}, an entry's
 *     with {@code too_large} or {@code not_accepted}
 */
public record UploadConfig(String name, String ref, String accept, int maxEntries, long maxFileSize, int chunkSize,
        int chunkTimeout, boolean autoUpload, List<UploadEntry> entries, List<List<String>> errors) {
}
