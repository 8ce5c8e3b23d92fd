package org.genrekit.batch.tags;

import java.util.Objects;

/**
 * How {@code genrekit tag} and {@code batch --write-tags} write.
 *
 * @param policy          what to do with files that already carry a genre
 * @param withProbability also write the prediction's probability ({@code GENREKIT_PROBABILITY})
 * @param backup          keep the original as {@code FILE.bak} (a hard link where the file system allows, else a copy)
 * @param minProbability  files whose top genre is less probable than this are not tagged (0: every file)
 */
public record TagOptions(TagPolicy policy, boolean withProbability, boolean backup, double minProbability) {
    public TagOptions {
        Objects.requireNonNull(policy, "policy");
        if (!(minProbability >= 0 && minProbability <= 1)) throw new IllegalArgumentException("min probability must be in [0, 1], got " + minProbability);
    }

    /** Every file tagged, whatever its probability. */
    public TagOptions(TagPolicy policy, boolean withProbability, boolean backup) {
        this(policy, withProbability, backup, 0);
    }

    /** Whether a prediction of {@code probability} is sure enough to be written. */
    public boolean sureEnough(double probability) {
        return probability >= minProbability;
    }

    /** What is reported for a file left untagged by {@link #minProbability}. */
    public String belowMinimum(String genre, double probability) {
        return String.format(java.util.Locale.ROOT, "skipped: %s at %.3f is below --min-probability %.3f", genre, probability, minProbability);
    }
}
