package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.DeepCrossValidation;
import org.genrekit.deep.train.TrainingListener;
import org.genrekit.deep.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deep train --cv: artist-grouped outer folds, the epoch chosen on an artist-disjoint inner split, outer folds scored. */
class CrossValidationDeepTest {
    @Test
    void innerAndOuterPartsNeverShareAnArtist() {
        int n = 60;
        int[] y = new int[n];
        String[] ids = new String[n], groups = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            ids[i] = "t" + i;
            groups[i] = i % 10 == 9 ? ids[i] : "artist" + (i % 3) + "-" + (i / 3) % 4; // 12 artists of 4-6 tracks, 6 unknown
        }
        for (DeepCrossValidation.Plan p : DeepCrossValidation.plan(y, ids, groups, 4, 7)) {
            Set<String> tr = groups(groups, p.train()), va = groups(groups, p.innerValid()), te = groups(groups, p.test());
            assertTrue(p.innerValid().length > 0 && p.train().length > p.innerValid().length, "inner split made");
            assertEquals(n, p.train().length + p.innerValid().length + p.test().length);
            for (Set<String> other : List.of(va, te)) {
                Set<String> shared = new HashSet<>(tr);
                shared.retainAll(other);
                assertEquals(Set.of(), shared);
            }
            Set<String> shared = new HashSet<>(va);
            shared.retainAll(te);
            assertEquals(Set.of(), shared);
        }
    }

    private static Set<String> groups(String[] g, int[] rows) {
        Set<String> s = new HashSet<>();
        for (int i : rows) s.add(g[i]);
        return s;
    }

    @Test
    void runsEveryFoldAndReportsMeanAndStandardError(@TempDir Path dir) throws Exception {
        ArchSpec arch = ArchSpec.of("image-cnn");
        InputSpec in = Synthetic.input(arch);
        List<TrackInput> tracks = Synthetic.tracks(in, 10, 3);
        List<String> artists = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) artists.add(i % 5 == 4 ? null : "artist" + tracks.get(i).label() + "-" + (i / 6));
        TrainConfig cfg = TrainConfig.defaults(arch).withEpochs(8).withBatch(4, 1, in.width()).withLearningRate(3e-3).withPatience(3).withDevice("cpu", 1);
        Path report = dir.resolve("cv.json");
        DeepCrossValidation.Result r = DeepCrossValidation.run(tracks, artists, Synthetic.LABELS, in, cfg, 3,
                TrainingListener.NONE, report);
        assertEquals("artist", r.grouping());
        assertEquals(3, r.folds().size());
        assertEquals(tracks.size(), r.folds().stream().mapToInt(DeepCrossValidation.Fold::testTracks).sum(), "every track scored once");
        assertEquals(r.accuracy().std() / Math.sqrt(3), r.accuracy().se(), 1e-12);
        assertTrue(r.accuracy().mean() > 0.6, "separable synthetic classes: " + r.accuracy());
        String json = Files.readString(report);
        assertTrue(json.contains("\"accuracy_se\"") && json.contains("\"grouping\" : \"artist\""), json);
    }
}
