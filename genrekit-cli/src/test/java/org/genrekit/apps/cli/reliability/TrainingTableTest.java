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
import java.util.function.IntFunction;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training tables that cannot make a model, or make a worse one than the user thinks: refused or
 * reported, never silently accepted. Before: one class trained and exited 0; empty labels were
 * dropped without a word; a table without a label column said "no training rows"; a duplicated
 * column name was accepted (the first one read, the second one trained on); identical train and
 * validation lists scored the training fit as validation.
 */
class TrainingTableTest {
    @TempDir
    Path dir;

    /** {@code rows} rows in Kaggle layout with header {@code header}; {@code label} gives row i's label ("" for none). */
    private Path table(String name, String header, int rows, IntFunction<String> label) throws Exception {
        Random r = new Random(5);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        boolean hasLabel = header.endsWith(",label");
        for (int i = 0; i < rows; i++) {
            int c = i % 3;
            String l = label.apply(i);
            lines.add(String.format(Locale.ROOT, "t.%05d.wav,661794,%.4f,%.6f,%.4f%s", i, 100 + 20 * c + 5 * r.nextGaussian(),
                    Math.exp(c + 0.3 * r.nextGaussian()) / 1000, -100 + 40 * c + 15 * r.nextGaussian(), hasLabel ? "," + l : ""));
        }
        return Files.write(dir.resolve(name), lines);
    }

    private static final String HEADER = "filename,length,tempo,rms_var,mfcc1_mean,label";
    private static final String[] GENRES = {"jazz", "metal", "pop"};

    private BadInputs.Run train(Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", csv.toString(), "--model", "logreg", "--out", dir.resolve("m.gkm").toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    @Test
    void aSingleClassTableIsRefused() throws Exception {
        Path csv = table("one.csv", HEADER, 30, i -> "jazz");
        BadInputs.Run r = train(csv);
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals("genrekit train: the training rows have one class only (jazz: 30 rows); a genre model needs at least 2", r.err().strip());
        assertFalse(Files.exists(dir.resolve("m.gkm")));
    }

    @Test
    void emptyLabelsAreCountedNotDroppedSilently() throws Exception {
        Path csv = table("gaps.csv", HEADER, 63, i -> i % 20 == 7 ? "" : GENRES[i % 3]);
        BadInputs.Run r = train(csv, "--holdout", "0");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("train: 3 of 63 rows have an empty label and are left out"), r.err());
    }

    @Test
    void aTableWithoutALabelColumnSaysSoAndShowsItsHeader() throws Exception {
        Path csv = table("nolabel.csv", "filename,length,tempo,rms_var,mfcc1_mean", 30, i -> "");
        BadInputs.Run r = train(csv);
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals("genrekit train: " + csv + " has no label column (named 'label' or 'genre'); its header is"
                + " [filename, length, tempo, rms_var, mfcc1_mean]", r.err().strip());
    }

    @Test
    void duplicateColumnNamesAreRefusedByName() throws Exception {
        Path csv = table("dup.csv", "filename,length,tempo,tempo,mfcc1_mean,label", 30, i -> GENRES[i % 3]);
        BadInputs.Run r = train(csv);
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals("genrekit train: " + csv + ": column 'tempo' appears more than once (columns 3 and 4);"
                + " column names must be unique", r.err().strip());
    }

    @Test
    void identicalTrainAndValidationListsAreWarnedAbout() throws Exception {
        Path csv = table("ok.csv", HEADER, 30, i -> GENRES[i % 3]);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) ids.add(String.format(Locale.ROOT, "t.%05d", i));
        Path a = Files.write(dir.resolve("a.txt"), ids);
        Path b = Files.write(dir.resolve("b.txt"), ids);
        BadInputs.Run r = train(csv, "--train-list", a.toString(), "--valid-list", b.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("warning: --train-list and --valid-list name the same 30 tracks: the validation figures"
                + " measure the fit to the training data, not generalisation"), r.err());
        Path half = Files.write(dir.resolve("c.txt"), ids.subList(0, 20));
        BadInputs.Run overlap = train(csv, "--train-list", a.toString(), "--valid-list", half.toString());
        assertTrue(overlap.err().contains("warning: 20 of the 20 validation tracks are also training tracks"), overlap.err());
    }
}
