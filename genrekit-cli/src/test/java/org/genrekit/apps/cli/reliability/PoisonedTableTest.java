package org.genrekit.apps.cli.reliability;

import static org.genrekit.apps.cli.reliability.BadInputs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One non-finite cell in a feature table. Before the fix, train --model logreg exited 0 with a
 * model that answers NaN, knn answered one class for everything and evaluate scored the row
 * silently; 'inf' and 'Infinity' were treated differently. Now the cell is refused with file, line
 * and column (one line, exit 1, no model written), or imputed when the user asks (--missing median).
 */
class PoisonedTableTest {
    @TempDir
    Path dir;

    /** 3 classes x 20 tracks, Kaggle layout; line 8 (the 7th row) has {@code cell} in column 'tempo'. */
    private Path table(String name, String cell) throws Exception {
        Random r = new Random(3);
        String[] genres = {"jazz", "metal", "pop"};
        List<String> lines = new ArrayList<>();
        lines.add("filename,length,tempo,rms_var,mfcc1_mean,label");
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            String tempo = i == 6 ? cell : String.format(Locale.ROOT, "%.4f", 100 + 20 * c + 5 * r.nextGaussian());
            lines.add(String.format(Locale.ROOT, "%s.%05d.wav,661794,%s,%.6f,%.4f,%s", genres[c], i, tempo,
                    Math.exp(c + 0.3 * r.nextGaussian()) / 1000, -100 + 40 * c + 15 * r.nextGaussian(), genres[c]));
        }
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "logreg|NaN|is NaN",
            "logreg|Infinity|is infinite ('Infinity')",
            "knn|inf|is infinite ('inf')",
            "knn|''|is empty",
            "default|1e308|overflows a 32-bit float ('1e308')",
    })
    void trainRefusesTheCellWithFileLineAndColumn(String model, String cell, String problem) throws Exception {
        Path csv = table("t.csv", cell);
        Path out = dir.resolve("m.gkm");
        BadInputs.Run r = run("train", "--data", csv.toString(), "--model", model, "--out", out.toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals("genrekit train: " + csv + ":8: column 'tempo' " + problem
                + "; fix the table, or impute column medians with --missing median (train, evaluate)", r.err().strip());
        assertFalse(Files.exists(out), "no model is written");
    }

    @ParameterizedTest
    @CsvSource({"logreg", "knn"})
    void missingMedianImputesAndSaysHowMany(String model) throws Exception {
        Path csv = table("t.csv", "inf");
        Path out = dir.resolve("m.gkm");
        BadInputs.Run r = run("train", "--data", csv.toString(), "--model", model, "--missing", "median", "--out", out.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("--missing median: imputed 1 values with their column's median"), r.err());
        assertTrue(Files.isRegularFile(out));
        BadInputs.Run ev = run("evaluate", "--model", out.toString(), "--data", csv.toString());
        assertEquals(Main.EXIT_USAGE, ev.code(), ev.err());
        assertTrue(ev.err().strip().startsWith("genrekit evaluate: " + csv + ":8: column 'tempo' is infinite ('inf')"), ev.err());
        BadInputs.Run imputed = run("evaluate", "--model", out.toString(), "--data", csv.toString(), "--missing", "median");
        assertEquals(Main.EXIT_OK, imputed.code(), imputed.err());
        assertFalse(imputed.out().contains("NaN"), imputed.out());
        assertEquals(Main.EXIT_USAGE, run("train", "--data", csv.toString(), "--model", model, "--missing", "zero", "--out", out.toString()).code());
    }
}
