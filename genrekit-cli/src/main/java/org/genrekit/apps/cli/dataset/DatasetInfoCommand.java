package org.genrekit.apps.cli.dataset;

import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.genrekit.apps.cli.DataOption;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.data.split.Split;
import org.genrekit.data.table.MissingValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code genrekit dataset info --data SPEC}: what a spec resolves to, without decoding audio. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a dataset spec resolves to: kind, options, tracks per genre, warnings, and its split.")
public final class DatasetInfoCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(index = "0", arity = "0..1", hidden = true, paramLabel = "SPEC", description = "The dataset spec (older form of --data).")
    String positional;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatasetSpec ds;
        try {
            ds = DatasetSpec.parse(data.require(positional));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        System.out.println("spec:    " + ds);
        System.out.println("kind:    " + ds.kind().prefix());
        if (ds.kind() == DatasetSpec.Kind.TABLE) {
            VectorDataset v = DatasetSpecs.load(ds, null, null, MissingValues.KEEP).data();
            System.out.println("rows:    " + v.size() + " × " + v.dimension() + " features");
            long missing = java.util.Arrays.stream(v.x()).mapToLong(r -> IntStream.range(0, r.length).filter(j -> !Float.isFinite(r[j])).count()).sum();
            if (missing > 0) System.out.println("missing: " + missing + " values are NaN, infinite or empty (train/evaluate refuse them unless --missing median)");
            System.out.println("labels:  " + v.labelCounts());
            if (ds.options().containsKey("split") || ds.options().containsKey("test")) System.out.println("split:   " + DatasetSpecs.split(ds, v));
            return Main.EXIT_OK;
        }
        TrackSource src = DatasetSpecs.tracks(ds);
        long withAudio = src.tracks().stream().filter(Track::hasAudio).count();
        System.out.println("source:  " + src.name());
        System.out.println("tracks:  " + src.tracks().size() + " (" + withAudio + " with a file)");
        System.out.println("labels:  " + src.labelCounts());
        long artists = src.tracks().stream().map(Track::artist).filter(a -> a != null).distinct().count();
        if (artists > 0) System.out.println("artists: " + artists);
        for (String w : src.warnings()) System.out.println("warning: " + w);
        if (ds.options().containsKey("split")) {
            Split s = DatasetSplitCommand.splitOfTracks(ds, src);
            System.out.println("split:   " + s);
        }
        return Main.EXIT_OK;
    }
}
