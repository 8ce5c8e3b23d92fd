package org.genrekit.apps.cli.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Failures;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalWarning;
import org.genrekit.batch.BatchItem;
import org.genrekit.batch.FolderItems;
import org.genrekit.batch.PolicyOptions;
import org.genrekit.data.source.MediaFiles;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.result.GenreResult;
import org.genrekit.models.result.ResultJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit classify}: top genres of audio files, folders or stdin. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify audio files: each file's most probable genres.",
                "AUDIO is a file, a folder (every audio file below it) or - (audio bytes on stdin).",
                "A file that cannot be read is reported on stderr and skipped (exit code 3 at the end)."})
public final class ClassifyCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--model", paramLabel = "MODEL", description = "model bundle (default: the built-in model; with the mn04 backbone installed, the backbone-based one)")
    Path model;

    @Option(names = "--taxonomy", defaultValue = "gtzan", paramLabel = "gtzan|audioset",
            description = "genre names of the answer: gtzan (the default model's ten) or audioset (AudioSet's 50 music genres, zero-shot on the mn04 backbone)")
    String taxonomy;

    @Option(names = "--json", description = "one JSON object per line, as docs/result-schema.md describes")
    boolean json;

    @Option(names = {"--windows", "--segments"}, description = "also print each window's probabilities (a genre timeline)")
    boolean windows;

    @Mixin
    PolicyOptions policyOptions;

    @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "audio files, folders, or - for stdin")
    List<String> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!taxonomy.equals("gtzan") && !taxonomy.equals("audioset")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--taxonomy must be gtzan or audioset, got '" + taxonomy + "'");
        }
        if (taxonomy.equals("audioset") && model != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--taxonomy audioset answers with the built-in zero-shot model and takes no --model");
        }
        TrackPolicy policy;
        int top;
        try {
            policy = policyOptions.policy();
            top = policyOptions.top();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (inputs.stream().filter("-"::equals).count() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "- (stdin) may be given once");
        }
        int failed = 0;
        int total = 0;
        try (GenreClassifier clf = ModelOption.load(model, taxonomy)) {
            for (String in : inputs) {
                if (in.equals("-")) {
                    total++;
                    Path tmp = stdin();
                    try {
                        if (!classify(clf, tmp, "-", policy, top)) failed++;
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                    continue;
                }
                Path p = Path.of(in);
                if (!Files.isDirectory(p)) {
                    total++;
                    if (!classify(clf, p, in, policy, top)) failed++;
                    continue;
                }
                try (Stream<BatchItem> s = new FolderItems(p, MediaFiles::isAudio).open()) {
                    for (Iterator<BatchItem> it = s.iterator(); it.hasNext(); ) {
                        Path f = it.next().path();
                        total++;
                        if (!classify(clf, f, f.toString(), policy, top)) failed++;
                    }
                }
            }
        }
        if (failed > 0) System.err.println("genrekit classify: " + failed + " of " + total + " files failed");
        return failed == 0 ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    /** Stdin's bytes in a temporary file, so that they decode exactly as a file does (the decoder seeks). */
    private static Path stdin() throws IOException {
        Path tmp = Files.createTempFile("genrekit-stdin-", ".audio");
        try {
            Files.copy(System.in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Classifies and prints one file; false when it failed (reported on stderr). */
    private boolean classify(GenreClassifier clf, Path f, String shown, TrackPolicy policy, int top) {
        try {
            long t0 = System.nanoTime();
            Signal s = AudioLoader.load(f, policy.loadOptions(clf));
            double decodeMs = (System.nanoTime() - t0) / 1e6;
            Prediction p = Classifications.classify(clf, f, s, policy, windows);
            GenreResult r = GenreResult.of(shown, p, clf, policy, s.durationSeconds(), decodeMs, top);
            for (SignalWarning w : p.warnings()) System.err.println("genrekit classify: warning: " + shown + ": " + w);
            System.out.println(json ? ResultJson.line(ResultJson.of(r)) : text(r));
            System.out.flush();
            return true;
        } catch (Exception | Error e) {
            // an OutOfMemoryError on one huge file is that file's failure too: the next file still runs
            String why = Failures.describe(f, e);
            System.err.println("genrekit classify: " + (shown.equals("-") ? why.replace(f.toString(), "-") : why));
            return false;
        }
    }

    private static String text(GenreResult r) {
        Prediction p = r.prediction();
        StringBuilder sb = new StringBuilder(r.file()).append(": ").append(ranked(p.labels(), p.probabilities(), r.top()));
        for (Prediction.Window w : p.windows()) {
            sb.append(String.format(Locale.ROOT, "%n  %7.1f-%7.1f s: ", w.startSeconds(), w.endSeconds())).append(ranked(p.labels(), w.probabilities(), r.top()));
        }
        return sb.toString();
    }

    private static String ranked(List<String> labels, double[] probs, int top) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < probs.length; i++) idx.add(i);
        idx.sort((a, b) -> Double.compare(probs[b], probs[a]));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(top, idx.size()); i++) {
            parts.add(String.format(Locale.ROOT, "%s %.3f", labels.get(idx.get(i)), probs[idx.get(i)]));
        }
        return String.join(", ", parts);
    }
}
