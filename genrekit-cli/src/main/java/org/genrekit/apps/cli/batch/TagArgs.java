package org.genrekit.apps.cli.batch;

import org.genrekit.batch.tags.TagOptions;
import org.genrekit.batch.tags.TagPolicy;
import picocli.CommandLine.Option;

/** Tag-writing options shared by {@code genrekit tag} and {@code genrekit batch --write-tags}. */
public final class TagArgs {
    @Option(names = "--apply", description = "Really write the tags (default: dry run, print the planned changes).")
    boolean apply;

    @Option(names = "--policy", defaultValue = "keep", paramLabel = "keep|replace|append",
            description = "Files that already have a genre: keep it (default), replace it, or append the prediction.")
    String policy;

    @Option(names = "--with-probability", description = "Also write the probability (GENREKIT_PROBABILITY).")
    boolean withProbability;

    @Option(names = "--backup", description = "Keep each original as FILE.bak before replacing it.")
    boolean backup;

    @Option(names = "--min-probability", paramLabel = "P", defaultValue = "0",
            description = "Leave files whose top genre is less probable than P untagged (counted in the summary; default: tag every file).")
    double minProbability;

    TagOptions options() {
        return new TagOptions(TagPolicy.parse(policy), withProbability, backup, minProbability);
    }
}
