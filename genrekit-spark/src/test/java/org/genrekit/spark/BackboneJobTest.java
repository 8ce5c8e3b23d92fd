package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.genrekit.audio.AudioLoader;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.backbone.store.BackboneInstaller;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import org.genrekit.models.bundle.ModelBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Backbone recipes on Spark: refused in one line when the weights are missing on the driver; mn04 features as FeatureSet gives them. */
class BackboneJobTest {
    /** Runs the command line in this JVM (it stops before Spark starts); returns exit code and stderr. */
    private static Object[] sparkMain(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int rc = new CommandLine(new SparkMain()).execute(args);
            return new Object[] {rc, buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void aJobThatNeedsAMissingBackboneIsRefusedWithOneLineBeforeSparkStarts(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("backbone-model.gkm");
        try (InputStream s = ModelBundles.class.getResourceAsStream(ModelBundles.BACKBONE_DEFAULT_RESOURCE)) {
            Files.write(model, s.readAllBytes());
        }
        try (AutoCloseable h = BackboneHome.use(Files.createDirectories(tmp.resolve("empty-home")))) {
            Object[] features = sparkMain("--features", "mn04", "--input", tmp.toString(), "--out", tmp.resolve("o1").toString());
            assertEquals(2, features[0]);
            assertEquals(1, features[1].toString().lines().count(), features[1].toString());
            assertTrue(features[1].toString().startsWith("genrekit-spark: backbone mn04 is not installed under "), features[1].toString());
            assertTrue(features[1].toString().contains("genrekit backbone install mn04"), features[1].toString());

            Object[] bundle = sparkMain("--model", model.toString(), "--input", tmp.toString(), "--out", tmp.resolve("o2").toString());
            assertEquals(2, bundle[0]);
            assertEquals(1, bundle[1].toString().lines().count(), bundle[1].toString());
            assertTrue(bundle[1].toString().contains("needs the pretrained backbone mn04, which is not installed"), bundle[1].toString());
        }
        assertTrue(Files.notExists(tmp.resolve("o1")) && Files.notExists(tmp.resolve("o2")), "nothing written");
    }

    @Test
    void mn04FeaturesOnSparkAreTheFeatureSetsOwn(@TempDir Path tmp) throws Exception {
        String shared = System.getProperty("genrekit.shared");
        Path pt = shared == null ? null : Path.of(shared, "pretrained", "efficientat-mn04-as", "mn04_as_mAP_432.pt");
        assumeTrue(pt != null && Files.isRegularFile(pt), "the mn04 weights are not in ../shared/pretrained; skipping");
        Path mp3 = Files.copy(LocalSpark.shared("gtzan-mini").resolve("blues/blues.00099.mp3"),
                Files.createDirectories(tmp.resolve("in")).resolve("blues.00099.mp3"));
        try (AutoCloseable h = BackboneHome.use(tmp.resolve("home"))) {
            BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
            String out = tmp.resolve("out").toString();
            SparkJobSummary s = new GenreSparkJob(LocalSpark.session(),
                    new SparkJobConfig(List.of(tmp.resolve("in").toString()), null, out, "mn04", 10), null).run();
            assertEquals(1, s.ok());
            Row r = LocalSpark.session().read().parquet(out).collectAsList().get(0);
            FeatureSet set = FeatureSets.create("mn04");
            float[] expected = set.extract(AudioLoader.load(mp3, set.loadOptions()));
            assertEquals(384, expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], r.getFloat(r.fieldIndex("f_" + set.columns().get(i))), 0f, set.columns().get(i));
            }
        }
    }
}
