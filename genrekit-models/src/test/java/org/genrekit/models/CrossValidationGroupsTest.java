package org.genrekit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.genrekit.data.VectorDataset;
import org.genrekit.models.train.Datasets;
import org.genrekit.models.train.NestedCrossValidation;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.StratifiedFolds;
import org.genrekit.models.train.Trainer;
import org.genrekit.models.train.TrainingData;
import org.junit.jupiter.api.Test;

/** Artist-grouped folds and hold-outs: no artist on two sides, unknown artists a group each, stratification with uneven groups. */
class CrossValidationGroupsTest {
    static final int[] ARTIST_SIZES = {12, 6, 3, 2, 1, 1};
    static final int UNKNOWN_PER_CLASS = 3;

    /** 3 classes, each with artists of very uneven sizes plus tracks of unknown artist; {@code segments} rows per track. */
    static VectorDataset data(int segments) {
        Random r = new Random(5);
        List<String> ids = new ArrayList<>(), labels = new ArrayList<>(), groups = new ArrayList<>();
        List<float[]> x = new ArrayList<>();
        String[] classes = {"jazz", "metal", "pop"};
        int n = 0;
        for (int c = 0; c < classes.length; c++) {
            List<String> artists = new ArrayList<>();
            for (int a = 0; a < ARTIST_SIZES.length; a++) for (int k = 0; k < ARTIST_SIZES[a]; k++) artists.add(classes[c] + " artist " + a);
            for (int k = 0; k < UNKNOWN_PER_CLASS; k++) artists.add(null);
            for (String artist : artists) {
                String id = String.format("%s.%05d", classes[c], n++);
                double offset = artist == null ? r.nextGaussian() : artist.hashCode() % 7 / 3.0; // an artist sounds alike
                for (int s = 0; s < segments; s++) {
                    ids.add(id);
                    labels.add(classes[c]);
                    groups.add(artist);
                    x.add(new float[]{(float) (c * 2 + offset + r.nextGaussian()), (float) r.nextGaussian()});
                }
            }
        }
        return new VectorDataset(ids, labels, List.of("a", "b"), x.toArray(new float[0][]), groups);
    }

    @Test
    void noArtistIsInTwoFoldsAndFoldsStayStratified() {
        VectorDataset ds = data(2);
        TrainingData d = Datasets.training(ds, null);
        for (long seed : new long[]{1, 2, 42}) {
            int[] fold = StratifiedFolds.assign(d.y(), d.ids(), d.groups(), 5, seed);
            Map<String, Integer> foldOfArtist = new HashMap<>(), foldOfTrack = new HashMap<>();
            Set<Integer> unknownFolds = new HashSet<>();
            int[][] perFoldClass = new int[5][3];
            for (int i = 0; i < d.size(); i++) {
                String artist = ds.group(i);
                if (artist != null) {
                    Integer prev = foldOfArtist.putIfAbsent(artist, fold[i]);
                    assertTrue(prev == null || prev == fold[i], "artist " + artist + " in folds " + prev + " and " + fold[i]);
                } else {
                    unknownFolds.add(fold[i]);
                }
                Integer prevTrack = foldOfTrack.putIfAbsent(d.ids()[i], fold[i]);
                assertTrue(prevTrack == null || prevTrack == fold[i], "segments of " + d.ids()[i] + " split");
                if (i % 2 == 0) perFoldClass[fold[i]][d.y()[i]]++;
            }
            assertTrue(unknownFolds.size() >= 3, "tracks of unknown artist are groups of one, spread over folds: " + unknownFolds);
            int min = Integer.MAX_VALUE, max = 0;
            for (int[] f : perFoldClass) {
                int size = 0;
                for (int c = 0; c < 3; c++) {
                    assertTrue(f[c] > 0, "every fold has every class: " + java.util.Arrays.deepToString(perFoldClass));
                    size += f[c];
                }
                min = Math.min(min, size);
                max = Math.max(max, size);
            }
            // 84 tracks in 5 folds, 12-track artists: the biggest fold holds one 12-track artist and little else
            assertTrue(max - min <= 6, "fold sizes " + java.util.Arrays.deepToString(perFoldClass));
        }
    }

    @Test
    void holdOutKeepsArtistsOnOneSideNearTheAskedShare() {
        VectorDataset ds = data(1);
        TrainingData d = Datasets.training(ds, null);
        int[][] ho = StratifiedFolds.holdOut(d.y(), d.ids(), d.groups(), 0.25, 3);
        Set<String> held = new HashSet<>(), kept = new HashSet<>();
        for (int i : ho[0]) held.add(d.groups()[i]);
        for (int i : ho[1]) kept.add(d.groups()[i]);
        held.retainAll(kept);
        assertEquals(Set.of(), held, "no group on both sides");
        assertEquals(21, ho[0].length, 4, "about a quarter of 84 tracks held out");
    }

    @Test
    void groupsAreArtistsUnknownsAreTheirOwnAndTracksWithoutArtists() {
        VectorDataset ds = data(1);
        TrainingData d = Datasets.training(ds, null);
        assertTrue(Datasets.grouped(ds));
        assertEquals(new Datasets.GroupCounts(18, 9), Datasets.groupCounts(ds));
        Set<String> distinct = new HashSet<>(List.of(d.groups()));
        assertEquals(18 + 9, distinct.size());
        TrainingData plain = Datasets.training(ds.withGroups(null), null);
        assertArrayEquals(plain.ids(), plain.groups(), "without artists the group is the track");
        assertTrue(!Datasets.grouped(ds.withGroups(java.util.Collections.nCopies(ds.size(), null))), "all-unknown is track-grouped");
        // a track whose segments are in two groups is refused
        TrainingData seg = Datasets.training(data(2), null);
        String[] g = seg.groups().clone();
        g[0] = "elsewhere";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.assign(seg.y(), seg.ids(), g, 5, 1));
        assertTrue(e.getMessage().startsWith("track 'jazz.00000' has rows in two groups"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.assign(new int[]{0, 1, 0}, new String[]{"a", "b", "c"},
                new String[]{"x", "x", "y"}, 3, 1));
        assertEquals("cannot make 3 folds from 2 groups", e.getMessage());
    }

    @Test
    void searchAloneReportsNoAccuracyAndWithCvIsNested() {
        TrainingData d = Datasets.training(data(1), null);
        PipelineSpec knn = PipelineSpec.of("knn", Map.of("weights", "uniform"));
        Trainer.Result searched = Trainer.train(new Trainer.Request(knn, true, false, 3, 1, 2, null, 30, "x", "artist", false), d, null);
        assertNull(searched.cv(), "a search's best score is not an accuracy");
        Trainer.Result nested = Trainer.train(new Trainer.Request(knn, true, true, 3, 1, 2, null, 30, "x", "artist", false), d, null);
        assertNotNull(nested.cv());
        assertEquals(3, nested.cv().folds().length);
        assertEquals(3, nested.cvChosen().size());
        NestedCrossValidation.Result r = NestedCrossValidation.run(knn, d, 3, 1, 2, null);
        assertArrayEquals(r.outer().folds(), nested.cv().folds(), 1e-12);
        assertEquals(r.outer().std() / Math.sqrt(3), r.outer().se(), 1e-12);
    }

    @Test
    void refitAllSavesAModelOfEveryRowButReportsTheHoldOutFit() {
        TrainingData d = Datasets.training(data(1), null);
        int[][] ho = StratifiedFolds.holdOut(d.y(), d.ids(), d.groups(), 0.25, 3);
        TrainingData valid = d.subset(ho[0]), train = d.subset(ho[1]);
        PipelineSpec knn = PipelineSpec.of("knn", Map.of("k", "3"));
        Trainer.Result kept = Trainer.train(new Trainer.Request(knn, false, false, 3, 1, 1, null, 30, "x", "artist", false), train, valid);
        Trainer.Result refit = Trainer.train(new Trainer.Request(knn, false, false, 3, 1, 1, null, 30, "x", "artist", true), train, valid);
        assertFalse(kept.refitted());
        assertEquals(train.size(), kept.trainRows());
        assertTrue(refit.refitted());
        assertEquals(d.size(), refit.trainRows());
        assertTrue(refit.trainIds().containsAll(List.of(valid.ids())), "the validation tracks are now training tracks");
        assertEquals(kept.validation().accuracy(), refit.validation().accuracy(), "validation figures are of the fit on the training part");
        assertNotEquals(kept.dataHash(), refit.dataHash());
    }
}
