package org.genrekit.apps.cli.reliability;

import static org.genrekit.apps.cli.reliability.BadInputs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrekit.apps.cli.Main;
import org.genrekit.models.bundle.BundleWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classify --model on hostile files answers one line and exit 1; before the fix it spun, blocked or ran out of memory. */
class UntrustedModelTest {
    @TempDir
    Path dir;

    @Test
    void serialDosBundleIsOneLine() throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        ByteArrayOutputStream ser = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(ser)) {
            out.writeObject(root);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "dos");
        m.put("labels", List.of("a", "b"));
        m.put("recipe", "gtzan58");
        Path model = dir.resolve("dos.gkm");
        BundleWriter.write(model, "classical", m, Map.of("pipeline.ser", ser.toByteArray()));
        Path audio = BadInputs.floatWav(dir, "a.wav", 2, 0.5);
        BadInputs.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("classify", "--model", model.toString(), audio.toString()));
        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals("genrekit classify: " + model + ": cannot read the fitted pipeline: refused the serialized pipeline:"
                + " collections nest more than 12 deep (a hash-collision bomb)", r.err().strip());
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("m.gkm");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made, "skipped: mkfifo is not available here");
        Path audio = BadInputs.floatWav(dir, "a.wav", 2, 0.5);
        for (Path model : List.of(fifo, Path.of("/dev/zero"))) {
            if (!Files.exists(model)) continue;
            BadInputs.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("classify", "--model", model.toString(), audio.toString()));
            assertEquals(Main.EXIT_USAGE, r.code());
            assertEquals("genrekit classify: " + model + ": not a model file: a FIFO, socket or device; --model takes a regular .gkm file",
                    r.err().strip());
        }
    }
}
