package org.genrekit.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.genrekit.data.Shared;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset spec's {@code artists=FILE}: artists by track id for any source. */
class ArtistsTest {
    @TempDir
    Path dir;

    private Path table() throws IOException {
        Path csv = dir.resolve("features.csv");
        Files.writeString(csv, """
                filename,tempo,label
                blues.00000.wav,100,blues
                blues.00001.wav,101,blues
                rock.00000.wav,140,rock
                rock.00001.wav,141,rock
                """);
        return csv;
    }

    @Test
    void tableRowsGetArtistsByTrackIdUnknownAndUnlistedStayNull() throws Exception {
        Path artists = dir.resolve("artists.csv");
        // ids in three spellings; a blank and an "Unknown" artist; rock.00001 not listed
        Files.writeString(artists, "clip_id,artist,title\nblues.00000,John Lee Hooker,x\nblues/blues.00001.wav,,y\nrock.00000.wav,Unknown,z\n");
        VectorDataset ds = DatasetSpecs.vectors(table() + "?artists=" + artists, null, null);
        assertEquals(Arrays.asList("John Lee Hooker", null, null, null), ds.groups());
        Artists a = Artists.read(artists);
        assertEquals(3, a.size());
        assertTrue(a.lists("rock.00000") && a.artist("rock.00000") == null);
        assertEquals(java.util.Set.of("John Lee Hooker"), a.artistSet());
    }

    @Test
    void errorsNameTheFileAndWhatIsWrong() throws Exception {
        Path t = table();
        Path missing = dir.resolve("nope.csv");
        IOException e = assertThrows(IOException.class, () -> DatasetSpecs.vectors(t + "?artists=" + missing, null, null));
        assertEquals(missing + ": artists file not found", e.getMessage());

        Path noArtist = dir.resolve("a.csv");
        Files.writeString(noArtist, "clip_id,singer\nblues.00000,X\n");
        e = assertThrows(IOException.class, () -> Artists.read(noArtist));
        assertEquals(noArtist + ": an artists file needs an id column (clip_id, id or track_id) and an artist column; header is [clip_id, singer]", e.getMessage());

        Path other = dir.resolve("b.csv");
        Files.writeString(other, "id,artist\njazz.00000,X\n");
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> DatasetSpecs.vectors(t + "?artists=" + other, null, null));
        assertEquals("artists=" + other + ": none of the dataset's 4 track ids is listed (the dataset has ids like 'blues.00000', the file 'jazz.00000';"
                + " ids match without folders and audio extension)", iae.getMessage());

        Path twice = dir.resolve("c.csv");
        Files.writeString(twice, "track_id,artist\nblues.00000,X\nblues.00000.wav,Y\n");
        e = assertThrows(IOException.class, () -> Artists.read(twice));
        assertEquals(twice + ": row 3 gives track 'blues.00000' the artist 'Y', an earlier row 'X'", e.getMessage());

        Files.writeString(twice, "track_id,artist\nblues.00000,X\n");
        iae = assertThrows(IllegalArgumentException.class, () -> DatasetSpecs.vectors(t + "?artists=" + twice + "&group=album", null, null));
        assertEquals("artists=FILE sets artists, but group=album groups by album; drop one of them", iae.getMessage());
    }

    @Test
    void manifestArtistColumnTreatsUnknownAsNone() throws Exception {
        Path m = dir.resolve("m.csv");
        Files.writeString(m, "path,genre,artist\na.wav,rock,Queen\nb.wav,rock,unknown\nc.wav,rock, \n");
        List<Track> t = new ManifestSource(m).tracks();
        assertEquals(Arrays.asList("Queen", null, null), t.stream().map(Track::artist).toList());
    }

    @Test
    void specFileResolvesTheArtistsPath() throws Exception {
        Path artists = dir.resolve("artists.csv");
        Files.writeString(artists, "id,artist\nblues.00000,A\n");
        Path spec = dir.resolve("d.spec");
        Files.writeString(spec, table().getFileName() + "\nartists=artists.csv\n");
        DatasetSpec s = DatasetSpec.parse(spec.toString());
        assertEquals(artists.toString(), s.option("artists"), "relative to the .spec file");
    }

    @Test
    void gtzanFolderAndKaggleTableWithSharedArtists() throws Exception {
        Path artists = Shared.data("gtzan-splits/artists.csv");
        VectorDataset ds = DatasetSpecs.vectors(Shared.data("gtzan-features/features_30_sec.csv") + "?artists=" + artists, null, null);
        assertEquals(640, ds.size());
        long unknown = ds.groups().stream().filter(Objects::isNull).count();
        assertEquals(44, unknown, "artists.csv leaves 44 artists blank");
        assertEquals(156, new HashSet<>(ds.groups().stream().filter(Objects::nonNull).toList()).size());
        assertEquals("John Lee Hooker", ds.groups().get(ds.ids().indexOf("blues.00000")));

        // split=kfold / random with artists= are artist-grouped by default
        for (var fold : DatasetSpecs.folds(Shared.data("gtzan-features/features_30_sec.csv") + "?split=kfold&k=5&artists=" + artists, ds)) {
            java.util.Set<String> train = new HashSet<>(), test = new HashSet<>();
            for (String id : fold.train()) train.add(ds.groups().get(ds.ids().indexOf(id)));
            for (String id : fold.test()) test.add(ds.groups().get(ds.ids().indexOf(id)));
            train.remove(null);
            train.retainAll(test);
            assertEquals(java.util.Set.of(), train, "no artist on both sides");
        }

        TrackSource mini = DatasetSpecs.tracks(Shared.data("gtzan-mini/manifest.csv") + "?artists=" + artists);
        Track blues = mini.tracks().stream().filter(x -> x.id().equals("blues.00000")).findFirst().orElseThrow();
        assertEquals("John Lee Hooker", blues.artist());
    }

    @Test
    void normalizeKeepsRealNames() {
        assertEquals("Bob Marley", Artists.normalize("  Bob Marley "));
        assertNull(Artists.normalize("N/A"));
        assertNull(Artists.normalize(""));
        assertNull(Artists.normalize(null));
    }
}
