package org.genrekit.apps.cli.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Failures;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalWarning;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit classify}: top genres of audio files. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify audio files: each file's most probable genres.",
                "A file that cannot be read is reported on stderr and skipped (exit code 3 at the end)."})
public final class ClassifyCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--model", paramLabel = "MODEL", description = "model bundle (default: the built-in model; with the mn04 backbone installed, the backbone-based one)")
    Path model;

    @Option(names = "--taxonomy", defaultValue = "gtzan", paramLabel = "gtzan|audioset",
            description = "genre names of the answer: gtzan (the default model's ten) or audioset (AudioSet's 50 music genres, zero-shot on the mn04 backbone)")
    String taxonomy;

    @Option(names = "--json", description = "one JSON object per line: file, genre, probabilities (+ segments)")
    boolean json;

    @Option(names = "--segments", description = "also print per-segment probabilities (a genre timeline)")
    boolean segments;

    @Option(names = "--top", defaultValue = "3", description = "genres shown per file in text output (default ${DEFAULT-VALUE})")
    int top;

    @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "audio files")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (!taxonomy.equals("gtzan") && !taxonomy.equals("audioset")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--taxonomy must be gtzan or audioset, got '" + taxonomy + "'");
        }
        if (taxonomy.equals("audioset") && model != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--taxonomy audioset answers with the built-in zero-shot model and takes no --model");
        }
        int failed = 0;
        try (GenreClassifier clf = ModelOption.load(model, taxonomy)) {
            for (Path f : files) {
                try {
                    Signal s = AudioLoader.load(f, clf.loadOptions());
                    Prediction p = Classifications.classify(clf, f, s, segments);
                    for (SignalWarning w : p.warnings()) System.err.println("genrekit classify: warning: " + f + ": " + w);
                    System.out.println(json ? json(f, p) : text(f, p));
                    System.out.flush();
                } catch (Exception | Error e) {
                    // an OutOfMemoryError on one huge file is that file's failure too: the next file still runs
                    failed++;
                    System.err.println("genrekit classify: " + Failures.describe(f, e));
                }
            }
        }
        if (failed > 0) System.err.println("genrekit classify: " + failed + " of " + files.size() + " files failed");
        return failed == 0 ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    private String text(Path f, Prediction p) {
        StringBuilder sb = new StringBuilder(f.toString()).append(": ").append(ranked(p.labels(), p.probabilities()));
        for (Prediction.Segment seg : p.segments()) {
            sb.append(String.format(Locale.ROOT, "%n  %7.1f-%7.1f s: ", seg.startSeconds(), seg.endSeconds())).append(ranked(p.labels(), seg.probabilities()));
        }
        return sb.toString();
    }

    private String ranked(List<String> labels, double[] probs) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < probs.length; i++) idx.add(i);
        idx.sort((a, b) -> Double.compare(probs[b], probs[a]));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(1, top), idx.size()); i++) {
            parts.add(String.format(Locale.ROOT, "%s %.3f", labels.get(idx.get(i)), probs[idx.get(i)]));
        }
        return String.join(", ", parts);
    }

    private static String json(Path f, Prediction p) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.toString());
        m.put("genre", p.topLabel());
        m.put("probabilities", probs(p.labels(), p.probabilities()));
        if (!p.segments().isEmpty()) {
            List<Map<String, Object>> segs = new ArrayList<>();
            for (Prediction.Segment s : p.segments()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("start", s.startSeconds());
                sm.put("end", s.endSeconds());
                sm.put("probabilities", probs(p.labels(), s.probabilities()));
                segs.add(sm);
            }
            m.put("segments", segs);
        }
        List<Map<String, String>> warnings = new ArrayList<>();
        for (SignalWarning w : p.warnings()) {
            Map<String, String> wm = new LinkedHashMap<>();
            wm.put("code", w.code().toLowerCase(Locale.ROOT));
            wm.put("detail", w.detail());
            warnings.add(wm);
        }
        m.put("warnings", warnings);
        m.put("feature_ms", p.featureMillis());
        m.put("inference_ms", p.inferenceMillis());
        return JSON.writeValueAsString(m);
    }

    private static Map<String, Double> probs(List<String> labels, double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) m.put(labels.get(i), p[i]);
        return m;
    }
}
