package org.genrekit.apps.cli.features;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code genrekit features extract}: not written yet. */
@Command(name = "extract", description = "(not implemented yet)")
public final class FeaturesExtractCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("features extract is not implemented yet");
    }
}
