package org.genrekit.backbone.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Points {@code genrekit.home} at a test folder and restores the previous value. */
final class TempHome implements AutoCloseable {
    private final String previous;

    TempHome(Path home) {
        previous = System.getProperty("genrekit.home");
        System.setProperty("genrekit.home", home.toString());
    }

    /** Names in {@code backbones/} (empty when the folder does not exist). */
    static List<String> backbonesContent() throws IOException {
        Path dir = BackboneHome.backbones();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() {
        if (previous == null) System.clearProperty("genrekit.home");
        else System.setProperty("genrekit.home", previous);
    }
}
