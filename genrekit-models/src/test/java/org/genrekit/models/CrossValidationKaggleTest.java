package org.genrekit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.train.CrossValidation;
import org.genrekit.models.train.Datasets;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.StratifiedFolds;
import org.genrekit.models.train.TrainingData;
import org.junit.jupiter.api.Test;

/** The artist effect on the real Kaggle GTZAN table with shared/data/gtzan-splits/artists.csv (skips when absent). */
class CrossValidationKaggleTest {
    @Test
    void artistGroupedCvIsArtistDisjointAndBelowTrackGroupedCv() throws Exception {
        Path shared = SharedData.root();
        String spec = shared.resolve("data/gtzan-features/features_30_sec.csv") + "?artists=" + shared.resolve("data/gtzan-splits/artists.csv");
        VectorDataset ds = DatasetSpecs.vectors(spec, null, null);
        TrainingData byArtist = Datasets.training(ds, null);
        TrainingData byTrack = Datasets.training(ds.withGroups(null), null);
        assertEquals(640, byArtist.size());
        assertEquals(new Datasets.GroupCounts(156, 44), Datasets.groupCounts(ds));

        int[] fold = StratifiedFolds.assign(byArtist.y(), byArtist.ids(), byArtist.groups(), 5, 42);
        Map<String, Integer> foldOfArtist = new HashMap<>();
        int[][] perFoldClass = new int[5][byArtist.labels().size()];
        for (int i = 0; i < fold.length; i++) {
            String artist = ds.group(i);
            perFoldClass[fold[i]][byArtist.y()[i]]++;
            if (artist == null) continue;
            Integer prev = foldOfArtist.putIfAbsent(artist, fold[i]);
            assertTrue(prev == null || prev == fold[i], "artist " + artist + " in folds " + prev + " and " + fold[i]);
        }
        System.out.println("tracks per fold and genre " + byArtist.labels() + ": " + java.util.Arrays.deepToString(perFoldClass));
        for (int[] f : perFoldClass) {
            int size = 0;
            for (int c : f) {
                assertTrue(c > 0, "every fold has every genre: " + java.util.Arrays.deepToString(perFoldClass));
                size += c;
            }
            assertEquals(128, size, 20, "fold sizes near 640/5: " + java.util.Arrays.deepToString(perFoldClass));
        }

        PipelineSpec logreg = PipelineSpec.of("logreg", Map.of());
        CvSummary artist = CrossValidation.run(logreg, byArtist, 5, 42, 2, null);
        CvSummary track = CrossValidation.run(logreg, byTrack, 5, 42, 2, null);
        System.out.println("logreg 5-fold CV on the Kaggle table: artist-grouped " + artist + ", track-grouped " + track);
        assertTrue(artist.mean() < track.mean() - 0.05, "the artist effect: artist-grouped " + artist + " vs track-grouped " + track);
    }
}
