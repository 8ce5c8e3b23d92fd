package org.genrekit.apps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One name per thing: --data for dataset specs, --recipe for feature sets; the older names still work, unseen in help. */
class VocabularyTest {
    @TempDir
    Path tmp;

    private Path library() throws IOException {
        Path rock = Files.createDirectories(tmp.resolve("music").resolve("rock"));
        Path jazz = Files.createDirectories(tmp.resolve("music").resolve("jazz"));
        AotTraining.writeWav(rock.resolve("r.wav"), AotTraining.music(22050, 2, 1), 22050, 1);
        AotTraining.writeWav(jazz.resolve("j.wav"), AotTraining.music(22050, 2, 2), 22050, 1);
        return tmp.resolve("music");
    }

    @Test
    void theDatasetSpecIsDataAndTheOlderFormsGiveTheSameAnswer() throws IOException {
        String music = library().toString();
        CommandTree.Run data = CommandTree.run(List.of("dataset", "info", "--data", music));
        assertEquals(Main.EXIT_OK, data.code(), data.err());
        assertTrue(data.out().contains("tracks:  2"), data.out());
        for (List<String> older : List.of(List.of("dataset", "info", music), List.of("dataset", "info", "--dataset", music),
                List.of("dataset", "info", "--spec", music), List.of("dataset", "info", "--manifest", music))) {
            CommandTree.Run r = CommandTree.run(older);
            assertEquals(Main.EXIT_OK, r.code(), older + ": " + r.err());
            assertEquals(data.out(), r.out(), older.toString());
        }
    }

    @Test
    void theFeatureSetIsRecipeAndSetAndFeaturesAreItsOlderNames() throws IOException {
        String music = library().toString();
        for (String name : List.of("--recipe", "--set", "--features")) {
            Path out = tmp.resolve(name.substring(2) + ".csv");
            CommandTree.Run r = CommandTree.run(List.of("features", "extract", name, "gtzan58", "--out", out.toString(), music));
            assertEquals(Main.EXIT_OK, r.code(), name + ": " + r.err());
            assertEquals(3, Files.readAllLines(out).size(), "header + 2 files with " + name);
        }
    }

    @Test
    void oneValueUnderTwoNamesOrNoneIsAUsageError() throws IOException {
        String music = library().toString();
        CommandTree.Run twice = CommandTree.run(List.of("features", "extract", "--recipe", "gtzan58", "--set", "fma518", "--out",
                tmp.resolve("t.csv").toString(), music));
        assertEquals(Main.EXIT_USAGE, twice.code());
        assertEquals(List.of("genrekit features extract: give --recipe=NAME once (--set and --features are older names of it), got [gtzan58, fma518]"),
                twice.errLines());
        CommandTree.Run none = CommandTree.run(List.of("features", "extract", "--out", tmp.resolve("t.csv").toString(), music));
        assertEquals(Main.EXIT_USAGE, none.code());
        assertEquals(List.of("genrekit features extract: missing required option --recipe=NAME"), none.errLines());
        CommandTree.Run both = CommandTree.run(List.of("dataset", "info", "--data", music, music));
        assertEquals(Main.EXIT_USAGE, both.code());
        assertEquals(List.of("genrekit dataset info: give the dataset spec once, as --data SPEC; got '" + music + "' and '" + music + "'"),
                both.errLines());
        CommandTree.Run missing = CommandTree.run(List.of("dataset", "scan"));
        assertEquals(Main.EXIT_USAGE, missing.code());
        assertEquals(List.of("genrekit dataset scan: missing required option --data=SPEC"), missing.errLines());
    }

    @Test
    void helpShowsOnlyTheOneName() {
        for (List<String> cmd : List.of(List.of("features", "extract"), List.of("dataset", "info"), List.of("dataset", "scan"),
                List.of("dataset", "split"), List.of("batch"))) {
            List<String> args = new java.util.ArrayList<>(cmd);
            args.add("--help");
            String help = CommandTree.run(args).out();
            for (String older : List.of("--dataset", "--spec", "--manifest", "--set", "--features")) {
                assertFalse(help.contains(older + "="), cmd + " --help shows " + older + ":\n" + help);
            }
        }
        assertTrue(CommandTree.run(List.of("features", "extract", "--help")).out().contains("--data=SPEC"));
        assertTrue(CommandTree.run(List.of("batch", "--help")).out().contains("--recipe=NAME"));
    }
}
