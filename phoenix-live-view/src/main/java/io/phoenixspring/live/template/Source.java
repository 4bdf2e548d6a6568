package io.phoenixspring.live.template;

import java.util.Arrays;

/** A template's text and name: turns offsets into {@code line:column} for errors. */
final class Source {

    final String name;
    final String text;
    private final int[] lineStarts;

    Source(String name, String text) {
        this.name = name;
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    TemplateException error(int offset, String description) {
        return new TemplateException(name, line(offset), column(offset), description);
    }

    TemplateException error(int offset, String description, Throwable cause) {
        return new TemplateException(name, line(offset), column(offset), description, cause);
    }
}
