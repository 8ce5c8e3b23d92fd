package org.genrekit.batch.tags;

import java.util.Objects;

/**
 * How {@code genrekit tag} and {@code batch --write-tags} write.
 *
 * @param policy          what to do with files that already carry a genre
 * @param withProbability also write the prediction's probability ({@code GENREKIT_PROBABILITY})
 * @param backup          keep the original as {@code FILE.bak} (a hard link where the file system allows, else a copy)
 */
public record TagOptions(TagPolicy policy, boolean withProbability, boolean backup) {
    public TagOptions {
        Objects.requireNonNull(policy, "policy");
    }
}
