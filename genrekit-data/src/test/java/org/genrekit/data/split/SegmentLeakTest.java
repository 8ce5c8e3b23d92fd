package org.genrekit.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.data.Track;
import org.junit.jupiter.api.Test;

/** Segmenting happens after the split: every segment of a track is in that track's part, in every mode. */
class SegmentLeakTest {
    @Test
    void noTrackSpansTwoParts() {
        List<Track> tracks = SplitsTest.synthetic();
        Split groupedSplit = Splits.grouped(tracks.stream().map(Track::id).toList(), tracks.stream().map(Track::label).toList(),
                        Splits.groups(tracks, "artist"), 0.1, 0.2, 1);
        SplitsTest.assertNoSharedGroup(groupedSplit, tracks);
        for (Split split : List.of(Splits.stratified(tracks, 0.1, 0.2, 1), groupedSplit)) {
            for (Segmenter seg : List.of(Segmenter.fixed(4, 7.5), Segmenter.randomCrops(8, 3, 5))) {
                List<Segment> segs = seg.apply(split, tracks);
                assertEquals(tracks.size() * (seg.toString().startsWith("crops") ? 8 : 4), segs.size());
                Map<String, String> partOfTrack = new HashMap<>();
                Map<String, String> expected = split.partOf();
                for (Segment s : segs) {
                    String prev = partOfTrack.putIfAbsent(s.trackId(), s.part());
                    assertTrue(prev == null || prev.equals(s.part()), "track " + s.trackId() + " spans " + prev + " and " + s.part());
                    assertEquals(expected.get(s.trackId()), s.part(), "segment in its track's part");
                    assertTrue(s.offsetSeconds() + s.durationSeconds() <= 30 + 1e-9, "inside the track: " + s);
                }
            }
        }
    }

    @Test
    void fixedChunksAndCropsAreReproducible() {
        Track t = new Track("x", null, "a", null, null, null, 29.9, null);
        Split s = new Split(List.of("x"), List.of(), List.of());
        List<Segment> chunks = Segmenter.parseFixed("4x7.5").apply(s, List.of(t));
        assertEquals(List.of(0.0, 7.5, 15.0, 22.5), chunks.stream().map(Segment::offsetSeconds).toList());
        List<Segment> a = Segmenter.parseCrops("3x3", 9).apply(s, List.of(t));
        assertEquals(a, Segmenter.parseCrops("3x3", 9).apply(s, List.of(t)));
        assertTrue(a.stream().allMatch(c -> c.offsetSeconds() <= 26.9));
    }
}
