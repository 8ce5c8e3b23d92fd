package org.genrekit.apps.cli.deep;

import org.genrekit.features.viz.SpectrogramPng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.InputCheck;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Signal;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.ChunkPlan;
import org.genrekit.deep.input.Planes;
import org.genrekit.deep.viz.ActivationMaps;
import org.genrekit.deep.viz.Png;
import org.genrekit.models.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit visualize AUDIO --model M --out DIR}: log-mel picture and activation maps of each convolution. */
@Command(name = "visualize", mixinStandardHelpOptions = true,
        description = "Write the log-mel spectrogram of AUDIO and the activation maps of each convolutional layer of a deep model as PNGs.")
public final class VisualizeCommand implements Callable<Integer>, Subcommand {
    @Parameters(index = "0", paramLabel = "AUDIO", description = "Audio file.")
    Path audio;
    @Option(names = "--model", required = true, description = "Deep model bundle.")
    Path model;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--chunk", defaultValue = "-1", description = "Which chunk to show (default: the middle one).")
    int chunk;

    @Override
    public Integer call() throws Exception {
        InputCheck.audio(audio);
        try (DeepClassifier clf = load(model)) {
            DeepModel m = clf.model();
            Signal sig = AudioLoader.load(audio, clf.loadOptions());
            float[][] plane = Planes.of(m.input(), sig);
            Files.createDirectories(out);
            String what = m.input().kind() == InputKind.SPECTROGRAM ? "logmel.png" : "input.png";
            SpectrogramPng.write(Png.heatmap(plane, plane[0].length > 400 ? 1 : 2, 3), out.resolve(what));
            List<Integer> starts = ChunkPlan.starts(plane[0].length, m.input().width());
            int k = chunk >= 0 ? Math.min(chunk, starts.size() - 1) : starts.size() / 2;
            int rows = m.input().rows(), w = m.input().width();
            float[] flat = new float[rows * w];
            for (int r = 0; r < rows; r++) m.normalizer().copyRow(plane[r], r, starts.get(k), w, flat, r * w);
            List<ActivationMaps.Map> maps = ActivationMaps.capture(m, flat);
            for (int i = 0; i < maps.size(); i++) ActivationMaps.writePng(maps.get(i), out.resolve(String.format(Locale.ROOT, "conv%02d.png", i + 1)));
            Prediction p = clf.classify(sig, false);
            System.out.printf(Locale.ROOT, "%s: %s (%.3f); wrote %s and %d activation maps (chunk %d of %d) to %s%n", audio.getFileName(),
                    p.topLabel(), p.probabilities()[p.topIndex()], what, maps.size(), k + 1, starts.size(), out);
            for (int i = 0; i < maps.size(); i++) {
                float[][][] v = maps.get(i).values();
                System.out.printf(Locale.ROOT, "  conv%02d.png  %s  %d channels x %d x %d%n", i + 1, maps.get(i).layer(), v.length, v[0].length, v[0][0].length);
            }
            return Main.EXIT_OK;
        }
    }

    static DeepClassifier load(Path model) throws Exception {
        try {
            return DeepBundle.read(model);
        } catch (org.genrekit.models.bundle.BundleException e) {
            if (e.getMessage().contains("not a deep model")) throw new IllegalArgumentException(model + " is not a deep model (activation maps need a network)");
            throw e;
        }
    }
}
