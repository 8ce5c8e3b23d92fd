package org.genrekit.batch;

import java.nio.file.Path;

/** Track ids for files that come without one: the file name without its extension. */
final class ItemIds {
    private ItemIds() {
    }

    static String of(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
