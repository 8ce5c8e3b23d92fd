package org.genrekit.data.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.data.Shared;
import org.genrekit.data.VectorDataset;
import org.genrekit.features.FeatureRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audio spec through the feature store, end to end with the real gtzan58 set. */
class DatasetSpecsVectorsTest {
    @Test
    void manifestThroughStoreWithSegments(@TempDir Path dir) throws Exception {
        System.setProperty("genrekit.progress", "never");
        Path a = Shared.data("gtzan-3genres/rock/rock.00001.mp3");
        Path b = Shared.data("gtzan-3genres/jazz/jazz.00001.mp3");
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "path,genre,artist\n" + a + ",rock,A\n" + b + ",jazz,B\n" + dir.resolve("missing.mp3") + ",jazz,C\n");
        Path store = dir.resolve("store");
        VectorDataset ds = DatasetSpecs.vectors(csv.toString(), FeatureRecipe.parse("gtzan58"), store);
        assertEquals(List.of("rock.00001", "jazz.00001"), ds.ids(), "the missing file is reported and left out");
        assertEquals(List.of("rock", "jazz"), ds.labels());
        assertEquals(List.of("A", "B"), ds.groups());
        assertEquals(58, ds.dimension());
        VectorDataset again = DatasetSpecs.vectors(csv.toString(), FeatureRecipe.parse("gtzan58"), store);
        assertArrayEquals(ds.x()[0], again.x()[0]);
        VectorDataset seg = DatasetSpecs.vectors(csv + "?segments=2x3", FeatureRecipe.parse("gtzan58"), store);
        assertEquals(List.of("rock.00001", "rock.00001", "jazz.00001", "jazz.00001"), seg.ids());
        assertEquals(3 * 22050, seg.x()[0][0], 1, "length of a 3 s segment");
    }
}
