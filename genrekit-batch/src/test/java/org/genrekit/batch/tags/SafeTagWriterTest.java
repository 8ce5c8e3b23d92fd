package org.genrekit.batch.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTagWriterTest {
    @TempDir
    Path tmp;

    private Path fixture(String kind) throws Exception {
        return switch (kind) {
            case "mp3" -> Fixtures.mp3(tmp);
            case "ogg" -> Fixtures.ogg(tmp);
            case "flac" -> Fixtures.flac(tmp);
            case "m4a" -> Fixtures.m4a(tmp);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static SafeTagWriter writer(TagPolicy policy, boolean p) {
        return new SafeTagWriter(new TagOptions(policy, p, false));
    }

    private static List<String> genresOf(Path f) throws Exception {
        Tag t = AudioFileIO.read(f.toFile()).getTag();
        return TagFields.genres(t, TagFormat.of(f));
    }

    private static void presetGenre(Path f, String genre) throws Exception {
        AudioFile af = AudioFileIO.read(f.toFile());
        af.getTagOrCreateAndSetDefault().setField(FieldKey.GENRE, genre);
        af.commit();
    }

    @Test
    void applyOnASymlinkTagsItsTargetAndKeepsTheLink() throws Exception {
        Path real = Fixtures.mp3(tmp.resolve("library"));
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("view")).resolve("song.mp3"), Path.of("../library/music.mp3"));
        SafeTagWriter w = new SafeTagWriter(new TagOptions(TagPolicy.REPLACE, false, true));
        TagPlan plan = w.plan(link, "rock", 0.9);
        assertTrue(plan.write());
        w.apply(plan);
        // Before: the link was replaced by a tagged regular copy, and the library file kept its old tags.
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a copy");
        assertEquals(real.toRealPath(), link.toRealPath());
        assertEquals(List.of("Rock"), genresOf(real));
        try (Stream<Path> s = Files.list(tmp.resolve("view"))) {
            assertEquals(List.of("song.mp3"), s.map(p -> p.getFileName().toString()).toList(), "nothing written beside the link");
        }
        try (Stream<Path> s = Files.list(tmp.resolve("library"))) {
            assertEquals(List.of("music.mp3", "music.mp3.bak"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the backup belongs beside the target; no temporary file left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "ogg", "flac", "m4a"})
    void writesGenreAndProbabilityWithAudioPayloadUnchanged(String kind) throws Exception {
        Path f = fixture(kind);
        TagFormat format = TagFormat.of(f);
        byte[] original = Files.readAllBytes(f);
        String payload = AudioPayload.sha256(f, format);

        SafeTagWriter w = writer(TagPolicy.REPLACE, true);
        TagPlan plan = w.plan(f, "jazz", 0.8765);
        assertTrue(plan.write());
        assertEquals(List.of("Jazz"), plan.planned());
        assertEquals("0.877", plan.probability());
        w.apply(plan);

        assertEquals(List.of("Jazz"), genresOf(f));
        assertEquals("0.877", TagFields.probability(AudioFileIO.read(f.toFile()).getTag(), format));
        assertFalse(Arrays.equals(original, Files.readAllBytes(f)), "the file should have changed (tags)");
        assertEquals(payload, AudioPayload.sha256(f, format), "audio payload must be byte-identical");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(f.getFileName().toString()), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
        // the same plan again changes nothing
        assertFalse(w.plan(f, "jazz", 0.8765).write());
    }

    @Test
    void mp3AudioFramesAreTheOriginalBytesAfterTheNewId3Tag() throws Exception {
        // independent of AudioPayload: the untagged original is all frames, so the tagged file
        // must be exactly one ID3v2 tag followed by the original bytes
        Path f = Fixtures.mp3(tmp);
        byte[] original = Files.readAllBytes(f);
        assertFalse(original[0] == 'I' && original[1] == 'D' && original[2] == '3', "fixture should start untagged");
        writer(TagPolicy.REPLACE, false).apply(writer(TagPolicy.REPLACE, false).plan(f, "rock", 0.5));
        byte[] tagged = Files.readAllBytes(f);
        assertEquals('I', tagged[0]);
        int size = ((tagged[6] & 0x7f) << 21) | ((tagged[7] & 0x7f) << 14) | ((tagged[8] & 0x7f) << 7) | (tagged[9] & 0x7f);
        int start = 10 + size;
        assertEquals(original.length, tagged.length - start);
        assertArrayEquals(original, Arrays.copyOfRange(tagged, start, tagged.length));
    }

    @Test
    void payloadHashSeesAudioChangesButNotTagChanges() throws Exception {
        Path f = Fixtures.mp3(tmp);
        String before = AudioPayload.sha256(f, TagFormat.MP3);
        presetGenre(f, "Blues");
        assertEquals(before, AudioPayload.sha256(f, TagFormat.MP3));
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1000] ^= 1;
        Files.write(f, b);
        assertNotEquals(before, AudioPayload.sha256(f, TagFormat.MP3));
        Path o = Fixtures.ogg(tmp);
        String ob = AudioPayload.sha256(o, TagFormat.OGG);
        byte[] ogg = Files.readAllBytes(o);
        ogg[ogg.length - 200] ^= 1;
        Files.write(o, ogg);
        assertNotEquals(ob, AudioPayload.sha256(o, TagFormat.OGG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "ogg", "flac", "m4a"})
    void policiesKeepReplaceAppend(String kind) throws Exception {
        Path f = fixture(kind);
        presetGenre(f, "Rock");
        byte[] before = Files.readAllBytes(f);

        TagPlan keep = writer(TagPolicy.KEEP, true).plan(f, "jazz", 0.9);
        assertFalse(keep.write());
        assertEquals(List.of("Rock"), keep.planned());
        assertTrue(keep.describe().contains("unchanged"), keep.describe());
        writer(TagPolicy.KEEP, true).apply(keep);
        assertArrayEquals(before, Files.readAllBytes(f), "keep must not touch the file");

        SafeTagWriter append = writer(TagPolicy.APPEND, false);
        TagPlan ap = append.plan(f, "jazz", 0.9);
        assertEquals(List.of("Rock", "Jazz"), ap.planned());
        append.apply(ap);
        assertEquals(List.of("Rock", "Jazz"), genresOf(f));
        assertFalse(append.plan(f, "JAZZ", 0.9).write(), "appending a genre already there changes nothing");

        SafeTagWriter replace = writer(TagPolicy.REPLACE, false);
        TagPlan rp = replace.plan(f, "classical", 0.9);
        assertEquals(List.of("Rock", "Jazz"), rp.current());
        assertEquals("replace 'Rock; Jazz' -> 'Classical'", rp.describe());
        replace.apply(rp);
        assertEquals(List.of("Classical"), genresOf(f));

        // keep still tags a file that has no genre
        Path fresh = Files.createDirectory(tmp.resolve("fresh"));
        Path g = switch (kind) {
            case "mp3" -> Fixtures.mp3(fresh);
            case "ogg" -> Fixtures.ogg(fresh);
            case "flac" -> Fixtures.flac(fresh);
            default -> Fixtures.m4a(fresh);
        };
        SafeTagWriter keepW = writer(TagPolicy.KEEP, false);
        TagPlan kp = keepW.plan(g, "blues", 0.5);
        assertTrue(kp.write());
        assertEquals("keep (none) -> 'Blues'", kp.describe());
        keepW.apply(kp);
        assertEquals(List.of("Blues"), genresOf(g));
    }

    @Test
    void otherUserTextFramesSurviveTheProbabilityField() throws Exception {
        Path f = Fixtures.mp3(tmp);
        AudioFile af = AudioFileIO.read(f.toFile());
        AbstractID3v2Tag tag = (AbstractID3v2Tag) af.getTagOrCreateAndSetDefault();
        AbstractID3v2Frame fr = tag.createFrame("TXXX");
        ((FrameBodyTXXX) fr.getBody()).setDescription("REPLAYGAIN_TRACK_GAIN");
        ((FrameBodyTXXX) fr.getBody()).setText("-6.5 dB");
        tag.setFrame(fr);
        af.commit();
        SafeTagWriter w = writer(TagPolicy.REPLACE, true);
        w.apply(w.plan(f, "rock", 0.25));
        w.apply(w.plan(f, "rock", 0.5));
        AbstractID3v2Tag after = (AbstractID3v2Tag) AudioFileIO.read(f.toFile()).getTag();
        List<String> descs = after.getFields("TXXX").stream()
                .map(x -> ((FrameBodyTXXX) ((AbstractID3v2Frame) x).getBody()).getDescription() + "=" + ((FrameBodyTXXX) ((AbstractID3v2Frame) x).getBody()).getText())
                .sorted().toList();
        assertEquals(List.of("GENREKIT_PROBABILITY=0.500", "REPLAYGAIN_TRACK_GAIN=-6.5 dB"), descs);
    }

    @Test
    void backupKeepsTheOriginalBytes() throws Exception {
        Path f = Fixtures.ogg(tmp);
        byte[] original = Files.readAllBytes(f);
        SafeTagWriter w = new SafeTagWriter(new TagOptions(TagPolicy.REPLACE, false, true));
        w.apply(w.plan(f, "country", 0.7));
        assertArrayEquals(original, Files.readAllBytes(f.resolveSibling("choice.ogg.bak")));
        w.apply(w.plan(f, "jazz", 0.7));
        assertTrue(Files.exists(f.resolveSibling("choice.ogg.bak.1")), "a second backup must not overwrite the first");
        assertArrayEquals(original, Files.readAllBytes(f.resolveSibling("choice.ogg.bak")));
    }

    @Test
    void refusesFormatsItCannotTagAndBrokenFiles() throws Exception {
        Path wav = Fixtures.copy(Fixtures.shared().resolve("golden/audio/a_sine1k.wav"), tmp.resolve("sine.wav"));
        TagWriteException e = assertThrows(TagWriteException.class, () -> writer(TagPolicy.REPLACE, false).plan(wav, "rock", 1));
        assertTrue(e.getMessage().contains("cannot write tags to '.wav'"), e.getMessage());
        Path bad = tmp.resolve("bad.mp3");
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        Files.write(bad, junk);
        assertThrows(TagWriteException.class, () -> {
            SafeTagWriter w = writer(TagPolicy.REPLACE, false);
            w.apply(new TagPlan(bad, TagFormat.MP3, List.of(), List.of("Rock"), null, TagPolicy.REPLACE, true));
        });
        assertArrayEquals(junk, Files.readAllBytes(bad));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary file left after a failure");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"COPIED", "TAGGED", "VERIFIED", "SYNCED"})
    void killMidWriteLeavesTheOriginalIntact(String stage) throws Exception {
        Path f = Fixtures.mp3(tmp);
        presetGenre(f, "Rock");
        byte[] original = Files.readAllBytes(f);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                TagChild.class.getName(), f.toString(), stage).redirectErrorStream(true).start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("PAUSED " + stage)) {
                // skip other output
            }
            assertEquals("PAUSED " + stage, line, "child did not reach " + stage);
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertArrayEquals(original, Files.readAllBytes(f), "original changed by a write killed at " + stage);
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith(".music.mp3.genrekit-")), "the killed write's temp file should be there");
        }
        // the next write cleans up and succeeds
        SafeTagWriter w = writer(TagPolicy.REPLACE, false);
        w.apply(w.plan(f, "jazz", 0.5));
        assertEquals(List.of("Jazz"), genresOf(f));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
    }
}
