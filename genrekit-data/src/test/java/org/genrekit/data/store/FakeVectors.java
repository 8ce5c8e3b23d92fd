package org.genrekit.data.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.data.Track;
import org.genrekit.data.extract.ParallelExtractor;
import org.genrekit.data.split.Segment;
import org.genrekit.features.FeatureRecipe;

/** A stand-in feature computation for store tests: a vector derived from the file's bytes (and segment), after an optional delay. */
final class FakeVectors {
    static final List<String> COLUMNS = List.of("sum", "len", "first", "offset");
    static final FeatureRecipe RECIPE = FeatureRecipe.parse("fake{delay=0}");

    private FakeVectors() {
    }

    static float[] of(Path file, double offset) throws java.io.IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length == 0) throw new java.io.IOException(file + ": empty");
        long sum = 0;
        for (byte x : b) sum += x & 0xff;
        return new float[] {sum, b.length, b[0], (float) offset};
    }

    static ParallelExtractor.Compute<Segment> compute(long delayMs) {
        return s -> {
            if (delayMs > 0) Thread.sleep(delayMs);
            return of(s.track().audio(), s.offsetSeconds());
        };
    }

    /** Files in1..n with distinct content. */
    static List<Path> makeFiles(Path dir, int n) throws java.io.IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format("t%04d.wav", i));
            Files.writeString(f, "track " + i + " ".repeat(i % 7));
            out.add(f);
        }
        return out;
    }

    static List<Segment> wholeTracks(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().map(f -> Segment.whole(Track.of(org.genrekit.data.TrackIds.of(f.toString()), f, "x"), null)).toList();
        }
    }
}
