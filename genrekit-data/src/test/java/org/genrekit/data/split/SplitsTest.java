package org.genrekit.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrekit.data.Shared;
import org.genrekit.data.Track;
import org.genrekit.data.source.GtzanSource;
import org.junit.jupiter.api.Test;

class SplitsTest {
    /** 10 classes × 30 tracks, 3 tracks per artist. */
    static List<Track> synthetic() {
        List<Track> t = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            for (int i = 0; i < 30; i++) {
                t.add(new Track("g" + c + "." + i, Path.of("g" + c, i + ".wav"), "g" + c, null, "artist" + c + "-" + (i / 3), null, 30, null));
            }
        }
        return t;
    }

    @Test
    void stratifiedKeepsClassProportionsAndIsSeeded() {
        List<Track> t = synthetic();
        Split s = Splits.stratified(t, 0.1, 0.2, 7);
        assertEquals(300, s.size());
        assertEquals(60, s.test().size());
        assertEquals(30, s.valid().size());
        for (int c = 0; c < 10; c++) {
            String prefix = "g" + c + ".";
            assertEquals(6, s.test().stream().filter(id -> id.startsWith(prefix)).count(), "class " + c);
        }
        assertEquals(s, Splits.stratified(t, 0.1, 0.2, 7));
        assertNotEquals(s.test(), Splits.stratified(t, 0.1, 0.2, 8).test());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(t, 0.5, 0.5, 1));
    }

    @Test
    void kFoldCoversEveryTrackOnceInTest() {
        List<Track> t = synthetic();
        List<Split> folds = Splits.stratifiedKFold(t.stream().map(Track::id).toList(), t.stream().map(Track::label).toList(), 5, 1);
        assertEquals(5, folds.size());
        Set<String> tested = new HashSet<>();
        for (Split f : folds) {
            assertEquals(60, f.test().size());
            assertEquals(240, f.train().size());
            for (String id : f.test()) assertTrue(tested.add(id));
        }
        assertEquals(300, tested.size());
    }

    @Test
    void groupedSplitsNeverShareAnArtist() {
        List<Track> t = synthetic();
        List<String> ids = t.stream().map(Track::id).toList();
        List<String> labels = t.stream().map(Track::label).toList();
        List<String> artists = Splits.groups(t, "artist");
        Split s = Splits.grouped(ids, labels, artists, 0.1, 0.2, 3);
        assertNoSharedGroup(s, t);
        assertEquals(60, s.test().size(), 6, "close to the asked share");
        for (Split f : Splits.groupedKFold(ids, labels, artists, 5, 3)) assertNoSharedGroup(f, t);
    }

    static void assertNoSharedGroup(Split s, List<Track> t) {
        Map<String, String> artistOf = new HashMap<>();
        for (Track x : t) artistOf.put(x.id(), x.artist());
        Map<String, String> partOfArtist = new HashMap<>();
        s.partOf().forEach((id, part) -> {
            String prev = partOfArtist.putIfAbsent(artistOf.get(id), part);
            assertTrue(prev == null || prev.equals(part), "artist " + artistOf.get(id) + " in " + prev + " and " + part);
        });
    }

    @Test
    void splitListsOnGtzan() throws Exception {
        GtzanSource src = new GtzanSource(Shared.data("gtzan-3genres"));
        Split s = Splits.fromLists(src.tracks().stream().map(Track::id).toList(),
                Shared.data("gtzan-splits/fault_filtered_train.txt"), Shared.data("gtzan-splits/fault_filtered_valid.txt"), null);
        assertEquals(195, s.train().size() + s.valid().size(), "the 3-genre set is the lists' tracks of 3 genres");
        assertTrue(s.test().isEmpty());
    }

    @Test
    void officialColumn() {
        List<Track> t = List.of(Track.of("1", null, "a").withSplit("train"), Track.of("2", null, "a").withSplit("valid"),
                Track.of("3", null, "b").withSplit("test"), Track.of("4", null, "b"));
        Split s = Splits.fromTracks(t);
        assertEquals(List.of("1"), s.train());
        assertEquals(List.of("2"), s.valid());
        assertEquals(List.of("3"), s.test());
        assertEquals("valid", Splits.normalizePart("validation"));
        assertEquals("train", Splits.normalizePart("training"));
    }

    @Test
    void aTrackInTwoPartsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Split(List.of("a"), List.of(), List.of("a")));
    }
}
