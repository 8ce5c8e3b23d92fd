package org.genrekit.apps.cli.deep;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.InputCheck;
import org.genrekit.apps.cli.Main;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.InputLoader;
import org.genrekit.deep.input.Manifest;
import org.genrekit.deep.input.SpectrogramCache;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit deep eval}: a deep bundle on one split part of a manifest, through the spectrogram cache. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Track-level accuracy, log loss and confusion of a deep bundle on a manifest part (cached spectrograms).")
public final class DeepEvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Deep model bundle.") Path model;
    @Option(names = "--manifest", required = true, description = "Dataset CSV with path, genre and split columns.") Path manifest;
    @Option(names = "--part", defaultValue = "valid", description = "Split value (default: ${DEFAULT-VALUE}).") String part;
    @Option(names = "--path-column", defaultValue = "relative_path", description = "Column with the audio path (default: ${DEFAULT-VALUE}).") String pathColumn;
    @Option(names = "--label-column", defaultValue = "genre", description = "Column with the genre (default: ${DEFAULT-VALUE}).") String labelColumn;
    @Option(names = "--split-column", defaultValue = "fault_filtered_part", description = "Column with the split part (default: ${DEFAULT-VALUE}).") String splitColumn;
    @Option(names = "--overlap", defaultValue = "0", description = "Chunk overlap fraction in [0, 1) (default: ${DEFAULT-VALUE}).") double overlap;
    @Option(names = "--cache", description = "Spectrogram cache (default: ~/.cache/genrekit/deep).") Path cache;

    @Override
    public Integer call() throws Exception {
        InputCheck.file(manifest, "manifest");
        try (DeepClassifier clf = DeepBundle.read(model)) {
            if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("--overlap must be in [0, 1), got " + overlap);
            List<Manifest.Entry> es = Manifest.read(manifest, pathColumn, labelColumn, splitColumn).stream().filter(e -> e.part().equals(part)).toList();
            Path c = cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "genrekit", "deep");
            List<TrackInput> tracks = new InputLoader(new SpectrogramCache(c), System.err, 2).load(es, clf.labels(), clf.model().input());
            int w = clf.model().input().width();
            Evaluation ev = Evaluation.of(clf.model(), tracks, Math.max(1, (int) Math.round(w * (1 - overlap))));
            System.out.printf(Locale.ROOT, "%s on %s=%s: accuracy %.4f (%d tracks), log loss %.4f%n", model.getFileName(), splitColumn, part,
                    ev.accuracy(), tracks.size(), ev.logLoss());
            System.out.printf(Locale.ROOT, "%-12s %s%n", "true\\pred", String.join(" ", clf.labels().stream().map(l -> String.format(Locale.ROOT, "%9s", l)).toList()));
            for (int i = 0; i < ev.confusion().length; i++) {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s", clf.labels().get(i)));
                for (int v : ev.confusion()[i]) sb.append(String.format(Locale.ROOT, " %9d", v));
                System.out.println(sb);
            }
            return Main.EXIT_OK;
        }
    }
}
