package org.genrekit.apps.cli.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.DataOption;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.SplitLists;
import org.genrekit.data.TrackSource;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.data.spec.TrackSplits;
import org.genrekit.data.split.Split;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit dataset split --data SPEC --out DIR}: writes the spec's split as list files. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Write the split a dataset spec asks for as train.txt, valid.txt and test.txt (one track id per line).",
                "The spec's options choose the split (split=random|kfold|lists|official, group=artist|album, seed=...);"
                        + " the lists are reused with split=lists."})
public final class DatasetSplitCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(index = "0", arity = "0..1", hidden = true, paramLabel = "SPEC", description = "The dataset spec (older form of --data).")
    String positional;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for train.txt, valid.txt and test.txt.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatasetSpec ds;
        Split s;
        try {
            ds = DatasetSpec.parse(data.require(positional));
            s = ds.kind() == DatasetSpec.Kind.TABLE ? DatasetSpecs.split(ds, DatasetSpecs.load(ds, null, null, org.genrekit.data.table.MissingValues.KEEP).data())
                    : splitOfTracks(ds, DatasetSpecs.tracks(ds));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Files.createDirectories(out);
        SplitLists.write(out.resolve("train.txt"), s.train());
        SplitLists.write(out.resolve("valid.txt"), s.valid());
        SplitLists.write(out.resolve("test.txt"), s.test());
        System.out.println(s + " written to " + out);
        return Main.EXIT_OK;
    }

    /** The split of a track source (no features needed). */
    static Split splitOfTracks(DatasetSpec ds, TrackSource src) throws java.io.IOException {
        return TrackSplits.split(ds, src.tracks());
    }
}
