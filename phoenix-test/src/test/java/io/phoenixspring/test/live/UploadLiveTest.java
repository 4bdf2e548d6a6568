package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phoenixspring.test.FileEntry;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code file_input} + {@code render_upload} through the real upload protocol (validate with the
 * selection's metadata, allow_upload, lvu: joins, 64-byte binary chunks, progress), the submit consuming
 * exactly the bytes sent, and the errors as the page renders them and the preflight refuses them.
 */
@PhoenixTest
class UploadLiveTest {

    @Autowired
    LiveViewTest lv;

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void anUploadedFileIsConsumedWithExactlyItsBytes() {
        byte[] png = bytes(200, 1);                                    // four chunks: 64, 64, 64, 8
        LiveViewTest.View view = lv.live("/upload");
        LiveViewTest.FileInput photo = view.fileInput("#upload-form", "photo", List.of(new FileEntry("photo.png", "image/png", png)));
        assertThat(view.element("#entry-0").render()).contains("photo.png").contains("0%");
        assertThat(photo.renderUpload("photo.png")).contains("<span class=\"progress\">100%</span>");
        view.form("#upload-form").submit();
        assertThat(view.element("#uploaded li").render()).isEqualTo("<li>photo.png 200 " + HexFormat.of().formatHex(png) + "</li>");
        assertThat(view.hasElement(".entry")).isFalse();                // consumed: the entry left
    }

    @Test
    void renderUploadReportsPartialProgressThenTheRest() {
        byte[] png = bytes(300, 2);
        byte[] txt = "hello, upload".getBytes(StandardCharsets.UTF_8);
        LiveViewTest.View view = lv.live("/upload");
        LiveViewTest.FileInput input = view.fileInput("#upload-form", "photo",
                List.of(new FileEntry("a.png", "image/png", png), new FileEntry("notes.txt", "text/plain", txt)));
        assertThat(input.refs()).containsExactly(java.util.Map.entry("a.png", "0"), java.util.Map.entry("notes.txt", "1"));
        input.renderUpload("a.png", 50);
        assertThat(view.element("#entry-0 .progress").render()).isEqualTo("<span class=\"progress\">50%</span>");
        assertThat(view.element("#entry-1 .progress").render()).isEqualTo("<span class=\"progress\">0%</span>");
        input.renderUpload("a.png");
        input.renderUpload("notes.txt");
        assertThat(view.render()).contains("<span class=\"progress\">100%</span>").doesNotContain("50%");
        view.form("#upload-form").submit();
        assertThat(view.element("#uploaded").render()).contains("<li>a.png 300 " + HexFormat.of().formatHex(png) + "</li>")
                .contains("<li>notes.txt 13 " + HexFormat.of().formatHex(txt) + "</li>");
    }

    @Test
    void aFileTooLargeIsShownAndItsPreflightRefused() {
        LiveViewTest.View view = lv.live("/upload");
        LiveViewTest.FileInput input = view.fileInput("#upload-form", "photo", List.of(new FileEntry("big.png", "image/png", bytes(1_001, 3))));
        assertThat(view.element("#entry-0 .error").render()).isEqualTo("<p class=\"error\">Too large</p>");
        assertThatThrownBy(() -> input.renderUpload("big.png")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the LiveView at /upload refused the upload \"photo\" in its preflight: \"big.png\": too_large");
    }

    @Test
    void aFileOfAnotherTypeIsShownAndItsPreflightRefused() {
        LiveViewTest.View view = lv.live("/upload");
        LiveViewTest.FileInput input = view.fileInput("#upload-form", "photo", List.of(new FileEntry("a.gif", "image/gif", bytes(10, 4))));
        assertThat(view.element("#entry-0 .error").render()).isEqualTo("<p class=\"error\">Not accepted</p>");
        assertThatThrownBy(() -> input.renderUpload("a.gif")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("in its preflight: \"a.gif\": not_accepted");
    }

    @Test
    void tooManyFilesAreShownAndTheirPreflightRefused() {
        LiveViewTest.View view = lv.live("/upload");
        LiveViewTest.FileInput input = view.fileInput("#upload-form", "photo", List.of(new FileEntry("1.png", "image/png", bytes(5, 5)),
                new FileEntry("2.png", "image/png", bytes(5, 6)), new FileEntry("3.png", "image/png", bytes(5, 7))));
        assertThat(view.element("#upload-form > p.error").render()).isEqualTo("<p class=\"error\">Too many files</p>");
        assertThatThrownBy(() -> input.renderUpload("1.png")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("in its preflight: ").hasMessageContaining("too_many_files");
    }

    @Test
    void anUploadTheFormDoesNotHaveOrAFileNotSelectedFailsClearly() {
        LiveViewTest.View view = lv.live("/upload");
        assertThatThrownBy(() -> view.fileInput("#upload-form", "avatar", List.of(new FileEntry("a.png", "image/png", bytes(5, 8)))))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the form #upload-form of the LiveView at /upload has no live_file_input for the upload \"avatar\"");
        LiveViewTest.FileInput input = view.fileInput("#upload-form", "photo", List.of(new FileEntry("a.png", "image/png", bytes(5, 9))));
        assertThatThrownBy(() -> input.renderUpload("b.png")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no file named \"b.png\" in FileInput[photo in #upload-form");
    }
}
