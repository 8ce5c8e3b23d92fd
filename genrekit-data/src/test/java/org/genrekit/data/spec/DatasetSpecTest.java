package org.genrekit.data.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.genrekit.data.Shared;
import org.genrekit.data.TrackSource;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.source.FmaFixtures;
import org.genrekit.data.split.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSpecTest {
    @Test
    void plainFormsAreInferred() throws Exception {
        assertEquals(DatasetSpec.Kind.GTZAN, DatasetSpec.parse(Shared.data("gtzan-3genres").toString()).kind());
        assertEquals(DatasetSpec.Kind.MANIFEST, DatasetSpec.parse(Shared.data("gtzan-3genres/manifest.csv").toString()).kind());
        assertEquals(DatasetSpec.Kind.TABLE, DatasetSpec.parse(Shared.data("gtzan-features/features_30_sec.csv").toString()).kind());
        assertEquals(DatasetSpec.Kind.IMAGES, DatasetSpec.parse(Shared.data("gtzan-images").toString()).kind());
        assertEquals(DatasetSpec.Kind.FOLDER, DatasetSpec.parse(Shared.data("ood").toString()).kind());
    }

    @Test
    void optionsAreValidated() throws Exception {
        String dir = Shared.data("gtzan-3genres").toString();
        DatasetSpec s = DatasetSpec.parse("folder:" + dir + "?split=random&test=0.25&seed=3");
        assertEquals(DatasetSpec.Kind.FOLDER, s.kind());
        assertEquals(Map.of("split", "random", "test", "0.25", "seed", "3"), s.options());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.parse(dir + "?tset=0.2"));
        assertTrue(e.getMessage().contains("unknown dataset spec option 'tset'"), e.getMessage());
        assertThrows(java.io.IOException.class, () -> DatasetSpec.parse("/no/such/dir"));
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.parse("gtzn:" + dir));
        assertEquals("unknown dataset kind 'gtzn:' in 'gtzn:" + dir + "'; known: gtzan:, fma:, folder:, manifest:, table:, images:", e.getMessage());
    }

    @Test
    void tracksOfEachPlainForm() throws Exception {
        assertEquals(195, DatasetSpecs.tracks(Shared.data("gtzan-3genres").toString()).tracks().size());
        TrackSource m = DatasetSpecs.tracks(Shared.data("gtzan-mini/manifest.csv").toString());
        assertEquals(11, m.tracks().size());
        assertTrue(m.tracks().stream().allMatch(t -> t.audio() != null && Files.isRegularFile(t.audio())), "relative paths resolved against the CSV");
        assertEquals(68, DatasetSpecs.tracks(Shared.data("gtzan-3genres") + "?genres=jazz,rock").labelCounts().get("rock"));
    }

    @Test
    void tableSpecWithListSplit() throws Exception {
        String spec = Shared.data("gtzan-features/features_30_sec.csv") + "?split=lists&train="
                + Shared.data("gtzan-splits/fault_filtered_train.txt") + "&test=" + Shared.data("gtzan-splits/fault_filtered_valid.txt");
        VectorDataset ds = DatasetSpecs.vectors(spec, null, null);
        Split s = DatasetSpecs.split(spec, ds);
        assertEquals(443, s.train().size());
        assertEquals(197, s.test().size());
        Split r = DatasetSpecs.split(Shared.data("gtzan-features/features_30_sec.csv") + "?test=0.3&seed=1", ds);
        assertEquals(640, r.size());
        assertEquals(5, DatasetSpecs.folds(Shared.data("gtzan-features/features_30_sec.csv") + "?split=kfold&k=5", ds).size());
    }

    @Test
    void fmaSpecWithOfficialSplit(@TempDir Path dir) throws Exception {
        Path meta = Files.createDirectories(dir.resolve("fma_metadata"));
        Files.copy(Shared.data("fma-sample/genres.csv"), meta.resolve("genres.csv"));
        FmaFixtures.writeTracksCsv(meta.resolve("tracks.csv"));
        TrackSource s = DatasetSpecs.tracks("fma:" + meta + "?subset=medium&split=official");
        assertEquals(4, s.tracks().size());
        assertEquals(DatasetSpec.Kind.FMA, DatasetSpec.parse(meta.toString()).kind(), "a folder with tracks.csv + genres.csv is FMA");
        Path specFile = dir.resolve("fma.spec");
        Files.writeString(specFile, "# FMA medium\nfma:" + meta + "\nsubset=medium\nsplit=official\n");
        assertEquals(Map.of("subset", "medium", "split", "official"), DatasetSpec.parse(specFile.toString()).options());
        // relative paths in a .spec file are relative to the file, not to the working directory
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/train.txt"), "2\n");
        Path rel = dir.resolve("rel.spec");
        Files.writeString(rel, "fma:fma_metadata\nsubset=medium\nsplit=lists\ntrain=lists/train.txt\ntest=0.2\n");
        DatasetSpec r = DatasetSpec.parse(rel.toString());
        assertEquals(meta.toAbsolutePath().normalize(), r.location().toAbsolutePath());
        assertEquals(dir.resolve("lists/train.txt").toAbsolutePath().normalize().toString(), r.option("train"));
        assertEquals("0.2", r.option("test"));
    }

    @Test
    void fmaFeaturesTableWithMetadata(@TempDir Path dir) throws Exception {
        Path meta = Files.createDirectories(dir.resolve("fma_metadata"));
        Files.copy(Shared.data("fma-sample/genres.csv"), meta.resolve("genres.csv"));
        FmaFixtures.writeTracksCsv(meta.resolve("tracks.csv"));
        Path features = meta.resolve("features.csv");
        Files.writeString(features, "feature,zcr,zcr\nstatistics,mean,std\nnumber,01,01\ntrack_id,,\n"
                + "2,0.1,0.2\n3,0.3,0.4\n5,0.5,0.6\n10,0.7,0.8\n140,0.9,1.0\n");
        String spec = "table:" + features + "?meta=" + meta + "&subset=small&split=official";
        VectorDataset ds = DatasetSpecs.vectors(spec, null, null);
        assertEquals(java.util.List.of("2", "5", "10"), ds.ids(), "rows of the small subset only");
        assertEquals(java.util.List.of("Hip-Hop", "Hip-Hop", "Pop"), ds.labels());
        assertEquals(java.util.List.of("1", "1", "6"), ds.groups(), "artist ids");
        Split s = DatasetSpecs.split(spec, ds);
        assertEquals(java.util.List.of("2", "10"), s.train());
        assertEquals(java.util.List.of("5"), s.valid());
    }
}
