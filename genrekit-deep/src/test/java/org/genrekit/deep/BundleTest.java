package org.genrekit.deep;

import org.genrekit.core.provenance.Provenance;
import org.genrekit.core.provenance.Versions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.genrekit.audio.Signal;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Planes;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.DeepTrainer;
import org.genrekit.deep.train.TrainingListener;
import org.genrekit.features.sets.LogMel;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.TrackPredictor;
import org.genrekit.models.bundle.BundleException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio in, genre out: a small log-mel model on tones, through a bundle, with segments. */
class BundleTest {
    static final LogMel RECIPE = new LogMel(8000, 256, 128, 16, 0, 4000);
    static final double[] TONES = {300, 1200, 3000};
    @TempDir
    static Path tmp;
    static Path bundle;

    static Signal tone(double hz, double seconds, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        float[] y = new float[(int) (seconds * RECIPE.sampleRate())];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RECIPE.sampleRate()) + 0.05 * rnd.nextGaussian());
        return new Signal(y, RECIPE.sampleRate());
    }

    static List<TrackInput> tracks(int n, long seed) {
        LogMel fe = RECIPE;
        List<TrackInput> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) out.add(new TrackInput("tone" + k + "-" + i, k, fe.compute(tone(TONES[k] * (1 + 0.03 * i), 2, seed + i))));
        return out;
    }

    @BeforeAll
    static void train() throws Exception {
        ArchSpec arch = ArchSpec.of("rescnn");
        InputSpec in = new InputSpec(ArchSpec.InputKind.SPECTROGRAM, RECIPE.recipe(), RECIPE.nMels(), 32);
        TrainConfig cfg = TrainConfig.defaults(arch).withEpochs(4).withBatch(8, 3, 32).withPatience(0).withDevice("cpu", 1).withLearningRate(3e-3);
        var r = new DeepTrainer(TrainingListener.NONE).train(tracks(4, 1), tracks(2, 9), Synthetic.LABELS, in, cfg, null, false);
        bundle = tmp.resolve("tones.gkm");
        try (DeepModel m = r.model()) {
            DeepBundle.write(bundle, m, "tones", Map.of("validAccuracy", r.bestValidAccuracy()), Map.of("dataset", "synthetic tones"));
        }
    }

    @Test
    void recordsTheSharedProvenance() throws Exception {
        try (DeepClassifier clf = DeepBundle.read(bundle)) {
            Provenance p = Provenance.fromMap((Map<?, ?>) clf.metadata().get("provenance"));
            assertEquals(Versions.built().genrekit(), p.genrekitVersion());
            assertEquals(p.label(), clf.version());
            assertEquals(Versions.built().libraries().get("djl"), p.libraries().get("djl"));
            assertEquals(Versions.built().libraries().get("pytorch"), p.libraries().get("pytorch"));
            assertEquals("synthetic tones", p.details().get("dataset"));
            assertEquals("rescnn", p.details().get("architecture"));
        }
    }

    @Test
    void classifiesAudioWithWindowsThatCoverTheTrack() throws Exception {
        try (DeepClassifier clf = DeepBundle.read(bundle)) {
            assertEquals(8000, clf.loadOptions().targetSampleRate());
            assertEquals("logmel", clf.recipe().name());
            TrackPolicy oneSecond = TrackPolicy.DEFAULT.withWindow(1, 0).withTail(TrackPolicy.Tail.WEIGHTED_BY_DURATION, 0);
            Prediction p = TrackPredictor.predict(clf, tone(TONES[2], 2.5, 77), oneSecond, true);
            assertEquals("c", p.topLabel(), "a 3 kHz tone is class c");
            double sum = 0;
            for (double v : p.probabilities()) sum += v;
            assertEquals(1.0, sum, 1e-6);
            // 2.5 s in 1 s windows: two full ones and a 0.5 s tail of weight 0.5
            assertEquals(3, p.windows().size());
            assertEquals(0.0, p.windows().getFirst().startSeconds(), 1e-9);
            assertEquals(2.5, p.windows().getLast().endSeconds(), 1e-9);
            assertEquals(0.5, p.windows().getLast().weight(), 1e-9);
            double[] mean = new double[3];
            for (Prediction.Window w : p.windows()) for (int c = 0; c < 3; c++) mean[c] += w.weight() * w.probabilities()[c] / 2.5;
            for (int c = 0; c < 3; c++) assertEquals(mean[c], p.probabilities()[c], 1e-6, "track = duration-weighted mean of windows");
            assertTrue(TrackPredictor.predict(clf, tone(TONES[2], 2.5, 77), oneSecond, false).windows().isEmpty());
            // one window (the track is shorter than the default 30 s): the window's answer is the mean of its chunks
            Signal s = tone(TONES[2], 2.5, 77);
            double[] chunks = DeepModel.mean(clf.model().chunkProbabilities(new TrackInput("t", -1, Planes.of(clf.model().input(), s))));
            assertArrayEquals(chunks, clf.classify(s, false).probabilities(), 1e-6);
        }
    }

    @Test
    void deepBundlesAverageInAnEnsembleBundle() throws Exception {
        Path second = tmp.resolve("tones-b.gkm");
        ArchSpec arch = ArchSpec.of("crnn1d");
        InputSpec in = new InputSpec(ArchSpec.InputKind.SPECTROGRAM, RECIPE.recipe(), RECIPE.nMels(), 32);
        TrainConfig cfg = TrainConfig.defaults(arch).withEpochs(2).withBatch(8, 3, 32).withPatience(0).withDevice("cpu", 1);
        var r = new DeepTrainer(TrainingListener.NONE).train(tracks(3, 3), tracks(1, 5), Synthetic.LABELS, in, cfg, null, false);
        try (DeepModel m = r.model()) {
            DeepBundle.write(second, m, "tones-b", Map.of(), Map.of());
        }
        Path ens = tmp.resolve("ens.gkm");
        org.genrekit.models.ensemble.EnsembleCodec.write(ens, "ens", List.of(bundle, second), new double[] {1, 1}, Map.of()).close();
        Signal s = tone(TONES[1], 2, 123);
        try (var e = org.genrekit.models.bundle.ModelBundles.load(ens); DeepClassifier a = DeepBundle.read(bundle); DeepClassifier b = DeepBundle.read(second)) {
            double[] pe = e.classify(s, false).probabilities(), pa = a.classify(s, false).probabilities(), pb = b.classify(s, false).probabilities();
            for (int c = 0; c < 3; c++) {
                int ia = a.labels().indexOf(e.labels().get(c));
                assertEquals((pa[ia] + pb[ia]) / 2, pe[c], 1e-6, "ensemble = mean of the deep members");
            }
        }
    }

    @Test
    void damagedBundleIsATypedErrorNamingTheEntry() throws Exception {
        Path bad = tmp.resolve("bad.gkm");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(DeepBundle.MODEL_PARAMS)) b[b.length / 2] ^= 0x5a;
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        BundleException e = assertThrows(BundleException.class, () -> DeepBundle.read(bad));
        assertTrue(e.getMessage().contains("deep/model.params") && e.getMessage().contains("bad.gkm"), e.getMessage());
        Path notZip = tmp.resolve("text.gkm");
        Files.writeString(notZip, "hello");
        assertThrows(BundleException.class, () -> DeepBundle.read(notZip));
    }

    @Test
    void aBundleOfTheRetiredDeepMlpNamesItsReplacement() throws Exception {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var desc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(entries.get(DeepBundle.MODEL_JSON));
        desc.put("arch", "mlp");
        Path old = tmp.resolve("old-mlp.gkm");
        org.genrekit.models.bundle.BundleWriter.write(old, DeepBundle.KIND, new java.util.LinkedHashMap<>(Map.of("name", "old", "labels", Synthetic.LABELS)),
                Map.of(DeepBundle.MODEL_JSON, json.writeValueAsBytes(desc), DeepBundle.MODEL_PARAMS, entries.get(DeepBundle.MODEL_PARAMS)));
        BundleException e = assertThrows(BundleException.class, () -> DeepBundle.read(old));
        assertTrue(e.getMessage().contains("genrekit train --algo mlp --data SPEC"), e.getMessage());
    }
}
