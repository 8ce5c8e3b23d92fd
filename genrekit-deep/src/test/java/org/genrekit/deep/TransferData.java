package org.genrekit.deep;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.AudioLoader;
import org.genrekit.backbone.store.BackboneInstaller;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.TrackInput;

/**
 * Shared test inputs: the mn04 backbone installed under {@code genrekit.home} (from
 * ../shared/pretrained, never from the repository) and the backbone log-mels of a few 3-genre
 * clips. Tests skip when ../shared is absent.
 */
final class TransferData {
    static final List<String> LABELS = List.of("classical", "jazz", "rock");

    private TransferData() {
    }

    static Path shared() {
        String p = System.getProperty("genrekit.shared");
        Path d = p == null ? null : Path.of(p);
        assumeTrue(d != null && Files.isRegularFile(d.resolve("pretrained/efficientat-mn04-as/mn04_as_mAP_432.pt"))
                && Files.isRegularFile(d.resolve("data/gtzan-3genres/manifest.csv")),
                "the mn04 weights or the 3-genre clips are not in ../shared (genrekit.shared=" + p + "); skipping");
        return d;
    }

    /** Installs mn04 from ../shared into the test's genrekit.home unless it is there. */
    static synchronized void installBackbone() throws IOException {
        Path pt = shared().resolve("pretrained/efficientat-mn04-as/mn04_as_mAP_432.pt");
        if (Backbones.find("mn04").isEmpty()) BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
    }

    static Path clip(String relative) {
        return shared().resolve("data/gtzan-3genres").resolve(relative);
    }

    /** The first {@code perGenre} clips of each genre in a part of the fault-filtered split, as backbone log-mels. */
    static List<TrackInput> tracks(String part, int perGenre) throws IOException {
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<TrackInput> out = new ArrayList<>();
        for (String line : Files.readAllLines(shared().resolve("data/gtzan-3genres/manifest.csv")).subList(1, 196)) {
            String[] f = line.split(",");
            if (!f[2].equals(part) || taken.merge(f[1], 1, Integer::sum) > perGenre) continue;
            float[][] mel = BackboneMel.compute(AudioLoader.load(clip(f[0]), BackboneMel.loadOptions()));
            out.add(new TrackInput(f[3], LABELS.indexOf(f[1]), mel));
        }
        return out;
    }
}
