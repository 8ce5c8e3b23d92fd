package org.genrekit.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrekit.data.Shared;
import org.genrekit.data.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    @Test
    void gtzanThreeGenres() throws Exception {
        GtzanSource s = new GtzanSource(Shared.data("gtzan-3genres"));
        assertEquals(Map.of("classical", 68, "jazz", 59, "rock", 68), s.labelCounts());
        Track t = s.tracks().get(0);
        assertEquals("classical.00000", t.id());
        assertTrue(Files.isRegularFile(t.audio()));
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void gtzanMiniIsAFolderPerGenre() throws Exception {
        GtzanSource s = new GtzanSource(Shared.data("gtzan-mini"));
        assertEquals(11, s.tracks().size());
        assertEquals(10, s.labelSet().size());
        assertEquals(2, s.labelCounts().get("blues"), "blues.00000.wav and blues.00099.mp3");
    }

    @Test
    void kaggleLayoutAndKnownCorruptFile(@TempDir Path dir) throws Exception {
        Path jazz = Files.createDirectories(dir.resolve("Data/genres_original/jazz"));
        Files.createDirectories(dir.resolve("Data/genres_original/rock"));
        Files.write(jazz.resolve("jazz.00054.wav"), new byte[100]);
        Files.write(jazz.resolve("jazz.00001.wav"), new byte[100]);
        Files.write(dir.resolve("Data/genres_original/rock/rock.00001.wav"), new byte[100]);
        Files.writeString(dir.resolve("Data/features_30_sec.csv"), "x");
        GtzanSource s = new GtzanSource(dir);
        assertEquals(3, s.tracks().size(), "the corrupt file stays listed, so that it is reported when read");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("jazz.00054.wav") && w.contains("corrupt")), s.warnings().toString());
        assertEquals(Map.of("jazz", 2, "rock", 1), s.labelCounts());
    }

    @Test
    void folderAnyDepthAnyFormatAndDuplicateNames(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("funk/live/2019"));
        Files.createDirectories(dir.resolve("soul"));
        Files.write(dir.resolve("funk/live/2019/a.flac"), new byte[1]);
        Files.write(dir.resolve("funk/b.ogg"), new byte[1]);
        Files.write(dir.resolve("soul/a.m4a"), new byte[1]);
        Files.writeString(dir.resolve("soul/notes.txt"), "not audio");
        FolderSource s = new FolderSource(dir);
        assertEquals(3, s.tracks().size());
        assertEquals(Map.of("funk", 2, "soul", 1), s.labelCounts());
        assertEquals(3, s.tracks().stream().map(Track::id).distinct().count(), "ids stay unique");
    }

    @Test
    void manifestSharedWithRelativePaths() throws Exception {
        ManifestSource s = new ManifestSource(Shared.data("gtzan-3genres/manifest.csv"));
        assertEquals(195, s.tracks().size());
        assertTrue(s.tracks().stream().allMatch(Track::hasAudio), s.warnings().toString());
        long train = s.tracks().stream().filter(t -> "train".equals(t.split())).count();
        long valid = s.tracks().stream().filter(t -> "valid".equals(t.split())).count();
        assertEquals(195, train + valid);
        assertTrue(train > 0 && valid > 0);
    }

    @Test
    void manifestWithArtistAndMissingFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("audio"));
        Files.write(dir.resolve("audio/x.mp3"), new byte[1]);
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "path,genre,split,artist\naudio/x.mp3,rock,train,A\naudio/gone.mp3,jazz,test,\"B, Jr.\"\n");
        ManifestSource s = new ManifestSource(csv);
        assertEquals(2, s.tracks().size());
        assertEquals(dir.resolve("audio/x.mp3"), s.tracks().get(0).audio());
        assertEquals("A", s.tracks().get(0).artist());
        assertNull(s.tracks().get(1).audio());
        assertEquals("B, Jr.", s.tracks().get(1).artist());
        assertTrue(s.warnings().get(0).contains("gone.mp3"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "file_name,genre\nx,y\n");
        assertThrows(java.io.IOException.class, () -> new ManifestSource(bad));
    }

    @Test
    void imageFolderIdsMatchAudioIds() throws Exception {
        ImageFolderSource s = new ImageFolderSource(Shared.data("gtzan-images"));
        assertEquals(List.of("classical", "jazz", "rock"), s.labelSet());
        Track t = s.tracks().get(0);
        assertEquals("classical.00000", t.id());
        assertTrue(t.audio().toString().endsWith(".png"));
        GtzanSource audio = new GtzanSource(Shared.data("gtzan-3genres"));
        var audioIds = audio.tracks().stream().map(Track::id).collect(java.util.stream.Collectors.toSet());
        assertTrue(s.tracks().stream().allMatch(i -> audioIds.contains(i.id())), "every image id is an audio track id");
    }

    @Test
    void fmaGenreTree() throws Exception {
        FmaGenres g = FmaGenres.read(Shared.data("fma-sample/genres.csv"));
        assertEquals(163, g.size());
        assertEquals(16, g.roots().size());
        assertEquals("Hip-Hop", g.title(21));
        // Avant-Garde (1) sits under Experimental (38)
        assertEquals(List.of(1, 38), g.withAncestors(1));
        assertEquals(38, g.get(1).topLevel());
        FmaGenres raw = FmaGenres.read(Shared.data("fma-sample/raw_genres.csv"));
        assertEquals(38, raw.get(1).topLevel(), "top level derived from parents when the file lacks it");
    }

    @Test
    void fmaRawTracksCp1252() throws Exception {
        Path meta = Shared.data("fma-sample");
        FmaSource s = new FmaSource(meta.resolve("raw_tracks_excerpt.csv"), new FmaSource.Options(null, FmaSource.Subset.FULL));
        assertEquals(2000, s.tracks().size());
        Map<String, Integer> c = s.labelCounts();
        // counts from the sample's README (genre_top = the single top-level genre)
        assertEquals(803, c.get("Rock"));
        assertEquals(372, c.get("Experimental"));
        assertEquals(37, c.get("Jazz"));
        assertEquals(116, s.tracks().stream().filter(t -> t.label() == null).count());
        Track t2 = s.tracks().get(0);
        assertEquals("2", t2.id());
        assertEquals("Hip-Hop", t2.label());
        assertEquals(List.of("Hip-Hop"), t2.labels());
        assertEquals("1", t2.artist());
        assertEquals(168.0, t2.durationSeconds());
        assertTrue(s.tracks().stream().anyMatch(t -> t.labels().size() > 1), "multi-labels with ancestors");
        assertThrows(java.io.IOException.class,
                () -> new FmaSource(meta.resolve("raw_tracks_excerpt.csv"), new FmaSource.Options(null, FmaSource.Subset.SMALL)));
    }

    @Test
    void fmaAudioPathAndMissingAudio(@TempDir Path dir) throws Exception {
        assertEquals("000/000002.mp3", FmaSource.audioPath(2));
        assertEquals("155/155066.mp3", FmaSource.audioPath(155066));
        Path meta = Files.createDirectories(dir.resolve("fma_metadata"));
        Files.copy(Shared.data("fma-sample/genres.csv"), meta.resolve("genres.csv"));
        FmaFixtures.writeTracksCsv(meta.resolve("tracks.csv"));
        Path audio = Files.createDirectories(dir.resolve("fma_small/000"));
        Files.copy(Shared.data("fma-sample/audio/000010.mp3"), audio.resolve("000010.mp3"));
        FmaSource s = new FmaSource(meta, new FmaSource.Options(dir.resolve("fma_small"), null));
        // subset inferred from the folder name: small holds tracks 2, 5, 10 (140 is medium, 3 is large)
        assertEquals(List.of("2", "5", "10"), s.tracks().stream().map(Track::id).toList());
        Track t10 = s.tracks().get(2);
        assertNotNull(t10.audio());
        assertEquals("Pop", t10.label());
        assertEquals("train", t10.split());
        assertNull(s.tracks().get(0).audio(), "no file for track 2");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("2 of 3")), s.warnings().toString());
        assertTrue(s.hasOfficialSplit());
        FmaSource medium = new FmaSource(meta, new FmaSource.Options(null, FmaSource.Subset.MEDIUM));
        assertEquals(4, medium.tracks().size());
        FmaSource full = new FmaSource(meta, new FmaSource.Options(null, FmaSource.Subset.FULL));
        assertEquals(6, full.tracks().size());
        Track t3 = full.tracks().stream().filter(t -> t.id().equals("3")).findFirst().orElseThrow();
        assertNull(t3.label(), "empty genre_top");
        assertEquals(List.of("Avant-Garde", "Experimental", "Rock"), t3.labels(), "genres_all titles");
        assertEquals("test", full.tracks().stream().filter(t -> t.id().equals("140")).findFirst().orElseThrow().split());
        assertEquals("valid", full.tracks().stream().filter(t -> t.id().equals("5")).findFirst().orElseThrow().split());
    }
}
