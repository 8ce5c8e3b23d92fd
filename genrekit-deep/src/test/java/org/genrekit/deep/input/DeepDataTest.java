package org.genrekit.deep.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrekit.data.Track;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepDataTest {
    @TempDir
    Path tmp;

    /** A manifest of {@code perGenre} empty files per genre, with or without a split column. */
    private Path manifest(int perGenre, boolean splitColumn) throws Exception {
        StringBuilder sb = new StringBuilder(splitColumn ? "relative_path,genre,fault_filtered_part\n" : "relative_path,genre\n");
        for (String g : List.of("jazz", "rock")) {
            for (int i = 0; i < perGenre; i++) {
                String f = g + i + ".wav";
                Files.createFile(tmp.resolve(f));
                sb.append(f).append(',').append(g);
                if (splitColumn) sb.append(',').append(i < 2 ? "valid" : "train");
                sb.append('\n');
            }
        }
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, sb);
        return csv;
    }

    @Test
    void aManifestWithoutASplitColumnIsSplitWithAValidationPart() throws Exception {
        DeepData d = DeepData.open(manifest(10, false).toString());
        assertEquals("random", d.spec().option("split"));
        // 20 % of each genre's 10 tracks held out for validation, none for test
        assertEquals(4, d.validation().size());
        assertEquals(16, d.part("train").size());
        assertEquals(0, d.split().test().size());
        assertEquals(List.of("jazz", "rock"), d.trainingLabels());
        Set<String> valid = new HashSet<>(d.split().valid());
        assertTrue(d.part("train").stream().map(Track::id).noneMatch(valid::contains));
    }

    @Test
    void aManifestsOwnSplitColumnIsUsed() throws Exception {
        DeepData d = DeepData.open(manifest(5, true).toString());
        assertEquals("official", d.spec().option("split"));
        assertEquals(List.of("jazz0", "jazz1", "rock0", "rock1"), d.validation().stream().map(Track::id).toList());
        assertEquals(6, d.part("train").size());
    }

    @Test
    void aSplitWithoutValidationPartIsRefusedWithTheRemedy() throws Exception {
        DeepData d = DeepData.open(manifest(5, false) + "?split=random&test=0.2");
        var e = assertThrows(IllegalArgumentException.class, d::validation);
        assertTrue(e.getMessage().contains("add valid=0.2 (split=random) or valid=FILE (split=lists)"), e.getMessage());
    }

    @Test
    void aFeatureTableIsNotDeepInput() throws Exception {
        Path csv = tmp.resolve("f.csv");
        Files.writeString(csv, "filename,a,b,label\nx.wav,1,2,rock\n");
        var e = assertThrows(IllegalArgumentException.class, () -> DeepData.open("table:" + csv));
        assertTrue(e.getMessage().contains("is a feature table; deep networks read audio or pictures"), e.getMessage());
    }

    @Test
    void imageFoldersAreLabelledByFolder() throws Exception {
        Path dir = Path.of(System.getProperty("genrekit.shared", "../shared"), "data", "gtzan-images");
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " absent: skipping");
        DeepData d = DeepData.open("images:" + dir);
        assertTrue(d.pictures());
        assertEquals(List.of("classical", "jazz", "rock"), d.trainingLabels());
        // Kaggle's classical00012.png is the audio track classical.00012, so image and audio datasets split alike
        assertTrue(d.tracks().stream().allMatch(t -> t.id().matches("[a-z]+\\.\\d{5}") && t.id().startsWith(t.label())), d.tracks().toString());
        assertEquals(d.tracks().size(), d.split().size());
    }
}
