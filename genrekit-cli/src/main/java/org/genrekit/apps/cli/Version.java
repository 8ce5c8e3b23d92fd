package org.genrekit.apps.cli;

import picocli.CommandLine;

/** Prints the version picocli shows for {@code --version}. */
public final class Version implements CommandLine.IVersionProvider {
    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"genrekit " + VERSION, "Java " + Runtime.version()};
    }
}
