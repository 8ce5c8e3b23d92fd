package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.DeepTrainer;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitecturesTest {
    @TempDir
    Path tmp;

    static List<String> names() {
        return Architectures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void trainsAFewStepsAndLearnsTheSyntheticBands(String name) throws Exception {
        ArchSpec arch = ArchSpec.of(name);
        InputSpec in = Synthetic.input(arch);
        List<TrackInput> train = Synthetic.tracks(in, 8, 1), valid = Synthetic.tracks(in, 3, 2);
        TrainConfig cfg = TrainConfig.defaults(arch).withEpochs(5).withBatch(8, 3, in.width()).withLearningRate(3e-3).withPatience(0).withDevice("cpu", 1);
        Recording rec = new Recording();
        TrainResult r = new DeepTrainer(rec).train(train, valid, Synthetic.LABELS, in, cfg, tmp.resolve("ckpt"), false);
        assertEquals(5, r.history().size());
        assertEquals(5, rec.count("finished "), "every epoch is told to the listener: " + rec.events);
        assertTrue(r.bestValidAccuracy() >= 0.9, name + " should separate the synthetic bands, got " + r.history());
        Path bundle = tmp.resolve(name + ".gkm");
        try (DeepModel m = r.model()) {
            double[] p = DeepModel.mean(m.chunkProbabilities(valid.getFirst()));
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-5);
            DeepBundle.write(bundle, m, name, Map.of("validAccuracy", r.bestValidAccuracy()), Map.of());
            try (DeepClassifier back = DeepBundle.read(bundle)) {
                assertEquals(Synthetic.LABELS, back.labels());
                assertEquals(in.recipe(), back.recipe());
                assertEquals(name, back.metadata().get("architecture"));
                for (TrackInput t : valid) {
                    assertArrayEquals(DeepModel.mean(m.chunkProbabilities(t)), DeepModel.mean(back.model().chunkProbabilities(t)), 1e-6, "round trip changes predictions of " + t.id());
                }
            }
        }
    }
}
