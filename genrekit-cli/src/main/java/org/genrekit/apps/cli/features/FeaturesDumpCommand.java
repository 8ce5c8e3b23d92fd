package org.genrekit.apps.cli.features;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code genrekit features dump}: not written yet. */
@Command(name = "dump", description = "(not implemented yet)")
public final class FeaturesDumpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("features dump is not implemented yet");
    }
}
