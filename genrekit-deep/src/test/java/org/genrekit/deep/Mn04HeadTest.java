package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.weights.Tensor;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.DeepTrainer;
import org.genrekit.deep.train.TrainingListener;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainResult;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.TrackPredictor;
import org.genrekit.models.bundle.BundleException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mn04-head} on real clips: a short frozen-backbone training run through a bundle that must
 * hold no backbone tensor, loading without the backbone installed, and fine-tuning that changes
 * only the last blocks.
 */
class Mn04HeadTest {
    static final InputSpec INPUT = new InputSpec(ArchSpec.InputKind.BACKBONE_MEL, BackboneMel.RECIPE, BackboneMel.BANDS, BackboneMel.WINDOW_FRAMES);
    @TempDir
    static Path tmp;
    static List<TrackInput> train;
    static List<TrackInput> valid;
    static TrainResult frozen;
    static Path bundle;

    static TrainConfig config(int fineTune, int epochs) {
        return TrainConfig.defaults(ArchSpec.of("mn04-head").withFineTune(fineTune)).withEpochs(epochs).withBatch(6, 1, BackboneMel.WINDOW_FRAMES)
                .withPatience(0).withLearningRate(1e-3).withDevice("cpu", 0);
    }

    @BeforeAll
    static void trainFrozen() throws IOException {
        TransferData.installBackbone();
        train = TransferData.tracks("train", 4);
        valid = TransferData.tracks("valid", 1);
        assertEquals(12, train.size());
        frozen = new DeepTrainer(TrainingListener.NONE).train(train, valid, TransferData.LABELS, INPUT, config(0, 2), null, false);
        bundle = tmp.resolve("head.gkm");
        DeepBundle.write(bundle, frozen.model(), "head", Map.of("validAccuracy", frozen.bestValidAccuracy()), Map.of("dataset", "12 clips"));
    }

    @AfterAll
    static void close() {
        if (frozen != null) frozen.model().close();
    }

    @Test
    void frozenHeadBundleHoldsNoBackboneTensorAndClassifiesAClip() throws Exception {
        assertEquals(2, frozen.history().size());
        long size = Files.size(bundle);
        assertTrue(size < BackboneSpec.MN04.bytes() / 8, "the bundle has " + size + " bytes: only the head belongs in it");
        Map<String, byte[]> entries = entries(bundle);
        Map<?, ?> manifest = new ObjectMapper().readValue(entries.get("manifest.json"), Map.class);
        assertEquals(Map.of("name", "mn04", "sha256", BackboneSpec.MN04.sha256()), manifest.get("backbone"));
        // Neither the published tensors nor the folded values the frozen backbone runs with.
        Map<String, float[]> forbidden = new LinkedHashMap<>();
        for (Tensor t : Backbones.loadWeights(Backbones.require("mn04")).values()) forbidden.put(t.name(), t.data());
        for (Pair<String, Parameter> p : frozen.model().block().getParameters()) {
            if (!p.getValue().requiresGradient()) forbidden.put("folded " + p.getKey(), p.getValue().getArray().toFloatArray());
        }
        assertTrue(forbidden.containsKey("features.16.0.weight"));
        int checked = 0;
        for (Map.Entry<String, float[]> f : forbidden.entrySet()) {
            if (f.getValue().length < 32) continue;
            checked++;
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                byte[] run = run(f.getValue(), order);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    assertFalse(contains(e.getValue(), run), e.getKey() + " holds " + f.getKey() + " (" + order + ")");
                }
            }
        }
        assertTrue(checked > 200, "tensors checked: " + checked);

        Path clip = TransferData.clip("rock/rock.00000.mp3");
        try (DeepClassifier clf = DeepBundle.read(bundle)) {
            assertEquals(TransferData.LABELS, clf.labels());
            assertEquals(BackboneMel.SAMPLE_RATE, clf.loadOptions().targetSampleRate());
            assertEquals(Map.of("name", "mn04", "sha256", BackboneSpec.MN04.sha256()), clf.metadata().get("backbone"));
            Signal s = AudioLoader.load(clip, clf.loadOptions());
            // A 30 s clip in the backbone's 10 s windows: three windows, the few ms of tail dropped.
            Prediction p = TrackPredictor.predict(clf, s, TrackPolicy.DEFAULT.withWindow(10, 0), true);
            assertEquals(1.0, Arrays.stream(p.probabilities()).sum(), 1e-5);
            assertEquals(3, p.windows().size());
            assertEquals(0.0, p.windows().get(0).startSeconds(), 1e-9);
            assertEquals(10.0, p.windows().get(1).startSeconds(), 1e-9);
            assertEquals(30.0, p.windows().get(2).endSeconds(), 1e-9);
            // the trained model on the same three windows (each window's mel computed on the window, as the policy cuts it)
            double[] direct = new double[p.probabilities().length];
            for (Prediction.Window w : p.windows()) {
                Signal cut = new Signal(Arrays.copyOfRange(s.samples(), (int) Math.round(w.startSeconds() * s.sampleRate()),
                        (int) Math.round(w.endSeconds() * s.sampleRate())), s.sampleRate());
                double[] q = DeepModel.mean(frozen.model().chunkProbabilities(new TrackInput("rock.00000", -1, BackboneMel.compute(cut))));
                for (int c = 0; c < q.length; c++) direct[c] += q[c] / p.windows().size();
            }
            assertArrayEquals(direct, p.probabilities(), 1e-5, "the reloaded model predicts what the trained one does");
        }
    }

    @Test
    void loadingWithoutTheBackboneInstalledNamesTheInstallCommand() throws IOException {
        String home = System.getProperty("genrekit.home");
        Path empty = Files.createDirectories(tmp.resolve("empty-home"));
        System.setProperty("genrekit.home", empty.toString());
        try {
            BundleException e = assertThrows(BundleException.class, () -> DeepBundle.read(bundle));
            assertTrue(e.getMessage().contains("genrekit backbone install mn04"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        } finally {
            System.setProperty("genrekit.home", home);
        }
    }

    @Test
    void fineTuningTwoBlocksChangesOnlyThoseBlocksTheFinalConvolutionAndTheHead() throws IOException {
        TrainResult tuned = new DeepTrainer(TrainingListener.NONE).train(train, valid, TransferData.LABELS, INPUT, config(2, 1), null, false);
        try (DeepModel m = tuned.model();
             DeepModel pretrained = DeepModel.create(m.arch(), m.labels(), INPUT, Normalizer.identity(INPUT.rows()), Device.cpu())) {
            pretrained.initialize();
            Map<String, float[]> before = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : pretrained.block().getParameters()) before.put(p.getKey(), p.getValue().getArray().toFloatArray());
            List<String> changed = new ArrayList<>();
            for (Pair<String, Parameter> p : m.block().getParameters()) {
                String k = p.getKey();
                if (!k.startsWith("01backbone_")) continue;
                float[] now = p.getValue().getArray().toFloatArray();
                boolean tail = k.startsWith("01backbone_15block14_") || k.startsWith("01backbone_16block15_") || k.startsWith("01backbone_17last_");
                if (tail) {
                    if (!Arrays.equals(before.get(k), now)) changed.add(k);
                } else {
                    assertArrayEquals(before.get(k), now, k + " is frozen and must not change");
                }
            }
            assertTrue(changed.contains("01backbone_17last_weight") && changed.stream().anyMatch(k -> k.startsWith("01backbone_15block14_")), "changed: " + changed);
            Path out = tmp.resolve("tuned.gkm");
            DeepBundle.write(out, m, "tuned", Map.of(), Map.of());
            assertTrue(Files.size(out) > Files.size(bundle) && Files.size(out) < BackboneSpec.MN04.bytes() / 2, "fine-tuned bundle: " + Files.size(out) + " bytes");
            try (DeepClassifier back = DeepBundle.read(out)) {
                for (TrackInput t : valid) {
                    assertArrayEquals(DeepModel.mean(m.chunkProbabilities(t)), DeepModel.mean(back.model().chunkProbabilities(t)), 1e-5, "the fine-tuned blocks come back from the bundle");
                }
            }
        }
    }

    @Test
    void checkpointsHoldOnlyTheTrainedParametersAndAResumeReadsThemBack() throws IOException {
        Path ckpt = tmp.resolve("ckpt");
        TrainResult first = new DeepTrainer(TrainingListener.NONE).train(train.subList(0, 6), valid, TransferData.LABELS, INPUT, config(0, 1), ckpt, false);
        first.model().close();
        assertTrue(Files.size(ckpt.resolve("last.params")) < BackboneSpec.MN04.bytes() / 8, "checkpoint: " + Files.size(ckpt.resolve("last.params")) + " bytes");
        // Resuming a finished run reloads the checkpoint before initialisation and checks it survived.
        TrainResult again = new DeepTrainer(TrainingListener.NONE).train(train.subList(0, 6), valid, TransferData.LABELS, INPUT, config(0, 1), ckpt, true);
        try (DeepModel m = again.model()) {
            assertEquals(1, again.history().size());
            assertArrayEquals(Files.readAllBytes(ckpt.resolve("best.params")), m.writeParameters());
        }
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    /** Up to 64 values from the middle of a tensor as float32 bytes. */
    static byte[] run(float[] v, ByteOrder order) {
        int n = Math.min(64, v.length), from = (v.length - n) / 2;
        ByteBuffer b = ByteBuffer.allocate(n * 4).order(order);
        for (int i = from; i < from + n; i++) b.putFloat(v[i]);
        return b.array();
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
