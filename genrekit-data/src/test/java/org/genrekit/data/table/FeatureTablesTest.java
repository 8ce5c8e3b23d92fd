package org.genrekit.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.data.Shared;
import org.genrekit.data.VectorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTablesTest {
    @Test
    void kaggleGtzanTable() throws Exception {
        VectorDataset ds = FeatureTables.read(Shared.data("gtzan-features/features_30_sec.csv"));
        assertEquals(640, ds.size());
        assertEquals(58, ds.dimension(), "length + 57 features");
        assertEquals("length", ds.columns().get(0));
        assertEquals("mfcc20_var", ds.columns().get(57));
        assertEquals("blues.00000", ds.ids().get(0));
        assertEquals("blues", ds.labels().get(0));
        assertEquals(661794f, ds.x()[0][0]);
        assertEquals(0.35008811950683594f, ds.x()[0][1]);
        assertEquals(10, ds.labelSet().size());
    }

    @Test
    void goldenTableWithRelativePathColumn() throws Exception {
        Path p = Path.of(System.getProperty("genrekit.shared", "/nonexistent"), "golden/tables/gtzan-3genres.fma518.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(p), "golden tables absent; skipping");
        VectorDataset ds = FeatureTables.read(p);
        assertEquals(195, ds.size());
        assertEquals(518, ds.dimension());
        assertEquals("classical.00000", ds.ids().get(0));
    }

    @Test
    void fmaThreeRowHeader(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("features.csv");
        Files.writeString(f, """
                feature,chroma_cens,chroma_cens,zcr
                statistics,kurtosis,kurtosis,mean
                number,01,02,01
                track_id,,,
                2,7.18,5.23,0.05
                3,1.88,0.76,
                """);
        IOException refused = assertThrows(IOException.class, () -> FeatureTables.read(f));
        assertTrue(refused.getMessage().startsWith(f + ":6: column 'zcr.mean.01' is empty"), refused.getMessage());
        VectorDataset ds = FeatureTables.read(f, MissingValues.KEEP);
        assertEquals(List.of("chroma_cens.kurtosis.01", "chroma_cens.kurtosis.02", "zcr.mean.01"), ds.columns());
        assertEquals(List.of("2", "3"), ds.ids());
        assertEquals(5.23f, ds.x()[0][1]);
        assertTrue(Float.isNaN(ds.x()[1][2]));
        assertEquals(null, ds.labels().get(0));
    }

    @Test
    void threeSecondRowsMapToTheirTrack(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("features_3_sec.csv");
        Files.writeString(f, "filename,length,a,label\nblues.00000.0.wav,66149,1.5,blues\nblues.00000.1.wav,66149,2.5,blues\n");
        VectorDataset ds = FeatureTables.read(f);
        assertEquals(List.of("blues.00000", "blues.00000"), ds.ids());
    }

    @Test
    void badNumberNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "filename,a,label\nx.wav,1,rock\ny.wav,oops,rock\n");
        IOException e = assertThrows(IOException.class, () -> FeatureTables.read(f));
        assertTrue(e.getMessage().contains("t.csv:3") && e.getMessage().contains("'a'"), e.getMessage());
    }

    /** One poisoned cell in a Kaggle-shaped table: NaN, inf, Infinity, -inf, empty, or a float overflow. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "NaN|is NaN",
            "nan|is NaN",
            "inf|is infinite ('inf')",
            "Infinity|is infinite ('Infinity')",
            "-inf|is infinite ('-inf')",
            "''|is empty",
            "1e308|overflows a 32-bit float ('1e308')",
    })
    void nonFiniteCellsAreRefusedWithFileLineAndColumn(String cell, String problem, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "filename,a,b,label\nx.wav,1,2,rock\ny.wav,3," + cell + ",jazz\nz.wav,5,6,rock\n");
        // Before the fix NaN, Infinity, empty and 1e308 were read silently (and 'inf' was "not a number").
        IOException e = assertThrows(IOException.class, () -> FeatureTables.read(f));
        assertEquals(f + ":3: column 'b' " + problem + "; fix the table, or impute column medians with --missing median (train, evaluate)",
                e.getMessage());
        VectorDataset kept = FeatureTables.read(f, MissingValues.KEEP);
        assertTrue(Float.isNaN(kept.x()[1][1]), "inf and NaN alike: NaN");
        MedianImputer.Result r = MedianImputer.impute(kept);
        assertEquals(1, r.imputed());
        assertEquals(4f, r.data().x()[1][1], "median of 2 and 6");
        assertTrue(Float.isNaN(kept.x()[1][1]), "the input's rows are not written");
    }
}
