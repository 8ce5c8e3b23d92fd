package org.genrekit.apps.cli;

import org.genrekit.core.provenance.Versions;
import picocli.CommandLine;

/** Prints the version picocli shows for {@code --version}. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Versions v = Versions.built();
        return new String[] {"genrekit " + v.genrekit() + (v.gitCommit() == null ? "" : " (" + v.gitCommit() + ")"), "Java " + Runtime.version()};
    }
}
