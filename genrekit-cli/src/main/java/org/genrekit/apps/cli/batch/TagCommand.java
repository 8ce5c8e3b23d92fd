package org.genrekit.apps.cli.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.genrekit.apps.cli.DataOption;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.apps.cli.Version;
import org.genrekit.batch.PolicyOptions;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.batch.BatchItem;
import org.genrekit.batch.Inputs;
import org.genrekit.batch.ItemSource;
import org.genrekit.batch.tags.SafeTagWriter;
import org.genrekit.batch.tags.TagPlan;
import org.genrekit.batch.tags.TagWriteException;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit tag}: write the predicted genre into files' tags, safely; a dry run unless {@code --apply}. */
@Command(name = "tag", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Write each file's predicted genre into its tags, safely; a dry run unless --apply.",
                "Tags are ID3v2 (mp3), Vorbis comments (ogg, flac) or MP4 atoms (m4a). Without --apply nothing is written: "
                + "the planned change of each file is printed. With --apply each file is tagged in a temporary copy, verified "
                + "(tags read back, audio bytes identical, decodes to the same samples), synced and atomically renamed over the original."})
public final class TagCommand implements Callable<Integer>, Subcommand {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Audio files or folders (or manifests / dataset specs, as for batch); or give a dataset with --data.")
    List<String> inputs;

    @Mixin
    DataOption data;

    @Option(names = "--model", paramLabel = "M", description = "Model bundle file, or 'default' (the built-in model, the default).")
    String model;

    @Mixin
    TagArgs tagArgs;

    @Mixin
    PolicyOptions policyOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ItemSource source;
        SafeTagWriter writer;
        TrackPolicy policy;
        int top;
        try {
            source = Inputs.of(data.withInputs(inputs, "FILE"));
            writer = new SafeTagWriter(tagArgs.options());
            policy = policyOptions.policy();
            top = policyOptions.top();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = System.out;
        int ok = 0, failed = 0, unsure = 0;
        try (GenreClassifier clf = Models.load(model); Stream<BatchItem> items = source.open()) {
            for (Iterator<BatchItem> it = items.iterator(); it.hasNext(); ) {
                Path file = it.next().path();
                try {
                    Prediction p = Classifications.classify(clf, file, AudioLoader.load(file, policy.loadOptions(clf)), policy, false);
                    for (var w : p.warnings()) System.err.println("tag: warning: " + file + ": " + w);
                    double probability = p.probabilities()[p.topIndex()];
                    if (!writer.options().sureEnough(probability)) {
                        out.println(file + ": " + writer.options().belowMinimum(p.topLabel(), probability) + " " + ranked(p, top));
                        unsure++;
                        continue;
                    }
                    TagPlan plan = writer.plan(file, p.topLabel(), probability);
                    if (tagArgs.apply) writer.apply(plan);
                    out.println(file + ": " + (plan.write() && tagArgs.apply ? "written: " : "") + plan.describe() + " " + ranked(p, top));
                    ok++;
                } catch (AudioDecodeException | TagWriteException e) {
                    System.err.println("tag: " + e.getMessage());
                    failed++;
                }
            }
        }
        System.err.printf(java.util.Locale.ROOT, "tag: %d tagged%s, %d below --min-probability, %d failed%n",
                ok, tagArgs.apply ? "" : " (planned)", unsure, failed);
        if (!tagArgs.apply && ok > 0) System.err.println("tag: dry run, nothing written; add --apply to write");
        return failed > 0 ? Main.EXIT_PARTIAL : Main.EXIT_OK;
    }

    /** The {@code top} most probable genres, e.g. {@code [rock 0.612, metal 0.170]}. */
    private static String ranked(Prediction p, int top) {
        List<String> parts = new java.util.ArrayList<>();
        for (int i : p.ranking().subList(0, Math.min(top, p.labels().size()))) {
            parts.add(String.format(java.util.Locale.ROOT, "%s %.3f", p.labels().get(i), p.probabilities()[i]));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
