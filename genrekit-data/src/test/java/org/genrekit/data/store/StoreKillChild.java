package org.genrekit.data.store;

import java.nio.file.Path;

/** Child process of {@link FeatureStoreKillTest}: fills a store slowly until killed. Args: STORE INPUT_DIR DELAY_MS. */
public final class StoreKillChild {
    public static void main(String[] args) throws Exception {
        System.setProperty("genrekit.progress", "never");
        Path store = Path.of(args[0]);
        Path in = Path.of(args[1]);
        long delay = Long.parseLong(args[2]);
        try (FeatureStore fs = FeatureStore.open(store, FakeVectors.RECIPE, FakeVectors.COLUMNS, 3, 60)) {
            StoreExtraction.run(FakeVectors.wholeTracks(in), fs, FakeVectors.compute(delay), 2, "child");
        }
        System.out.println("DONE");
    }
}
