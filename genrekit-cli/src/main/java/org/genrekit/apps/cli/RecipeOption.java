package org.genrekit.apps.cli;

import picocli.CommandLine.Option;

/**
 * {@code --recipe NAME}: the feature set, under one name in every command. {@code --set} and
 * {@code --features} are its older names: accepted, not shown in help.
 */
public final class RecipeOption extends AliasedOption {
    @Option(names = "--recipe", paramLabel = "NAME",
            description = "Feature recipe: gtzan58, fma518, mn04 (needs the backbone), or one with parameters such as 'gtzan58{sr=22050}'.")
    void recipe(String name) {
        add(name);
    }

    @Option(names = {"--set", "--features"}, hidden = true, paramLabel = "NAME", description = "Older names of --recipe.")
    void olderName(String name) {
        add(name);
    }

    @Override
    String display() {
        return "--recipe=NAME";
    }

    @Override
    String aliases() {
        return "--set and --features";
    }
}
