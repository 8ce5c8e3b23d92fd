package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.train.CheckpointState;
import org.genrekit.deep.train.DeepTrainer;
import org.genrekit.deep.train.TrainingListener;
import org.genrekit.deep.train.TrainResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunResumesFromItsLastCheckpoint() throws Exception {
        Path ckpt = tmp.resolve("ckpt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED",
                ResumeChild.class.getName(), ckpt.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path state = ckpt.resolve("state.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(state) && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(Files.exists(state), "child wrote no checkpoint; log: " + Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        CheckpointState saved = new ObjectMapper().readValue(state.toFile(), CheckpointState.class);
        assertEquals(1, saved.epoch(), "killed during the pause after epoch 1");
        assertTrue(Files.exists(ckpt.resolve("last.params")) && Files.exists(ckpt.resolve("best.params")));

        Recording rec = new Recording();
        InputSpec in = ResumeChild.input();
        TrainResult r = new DeepTrainer(rec).train(Synthetic.tracks(in, 6, 1), Synthetic.tracks(in, 2, 2),
                Synthetic.LABELS, in, ResumeChild.config(), ckpt, true);
        assertEquals(2, r.resumedFrom(), "continues after the saved epoch");
        assertEquals(6, r.history().size());
        assertEquals(saved.history().getFirst(), r.history().getFirst(), "the saved epoch's figures are kept");
        for (int i = 0; i < 6; i++) assertEquals(i + 1, r.history().get(i).epoch());
        assertEquals("resumed 2/6", rec.events.getFirst(), rec.events.toString());
        assertFalse(rec.events.contains("epoch 1/6"), "epoch 1 is not run again: " + rec.events);
        assertTrue(rec.events.contains("epoch 2/6"), rec.events.toString());
        r.model().close();
    }

    @Test
    void resumeWithAnotherConfigurationIsRefused() throws Exception {
        Path ckpt = tmp.resolve("ckpt2");
        InputSpec in = ResumeChild.input();
        DeepTrainer t = new DeepTrainer(TrainingListener.NONE);
        t.train(Synthetic.tracks(in, 3, 1), Synthetic.tracks(in, 1, 2), Synthetic.LABELS, in, ResumeChild.config().withEpochs(1), ckpt, false).model().close();
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> t.train(Synthetic.tracks(in, 3, 1),
                Synthetic.tracks(in, 1, 2), Synthetic.LABELS, in, ResumeChild.config().withEpochs(2).withLearningRate(0.1), ckpt, true));
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
    }
}
