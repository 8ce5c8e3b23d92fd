package org.genrekit.apps.cli;

/**
 * Marker for a picocli {@code @Command} class that {@link Main} adds as a subcommand. Each area
 * (features, dataset, train/evaluate/classify, serve, batch, ...) registers its commands in
 * {@code META-INF/services/org.genrekit.apps.cli.Subcommand}, so no central list must change.
 */
public interface Subcommand {
}
