package org.genrekit.data.table;

import java.nio.file.Path;
import java.util.List;

/** Child process of {@link FeatureTableWriterKillTest}: opens a table, writes a row, says READY and waits to be stopped. Args: TABLE. */
public final class TableWriterKillChild {
    public static void main(String[] args) throws Exception {
        try (FeatureTableWriter w = new FeatureTableWriter(Path.of(args[0]), List.of("a", "b"))) {
            w.write("x.wav", new float[] {1, 2}, "rock");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
            w.commit();
        }
    }
}
