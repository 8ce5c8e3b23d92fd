package org.genrekit.apps.cli;

import picocli.CommandLine.Option;

/**
 * {@code --data SPEC}: the dataset spec, under one name in every command. {@code --dataset},
 * {@code --spec} and {@code --manifest} are its older names: accepted, not shown in help.
 */
public final class DataOption extends AliasedOption {
    @Option(names = "--data", paramLabel = "SPEC",
            description = "Dataset spec: a folder per genre, gtzan:DIR, fma:METADATA?audio=DIR, a manifest or feature-table CSV,"
                    + " with options after '?' (see docs/datasets.md).")
    void data(String spec) {
        add(spec);
    }

    @Option(names = {"--dataset", "--spec", "--manifest"}, hidden = true, paramLabel = "SPEC", description = "Older names of --data.")
    void olderName(String spec) {
        add(spec);
    }

    @Override
    String display() {
        return "--data=SPEC";
    }

    @Override
    String aliases() {
        return "--dataset, --spec and --manifest";
    }

    /**
     * The spec from {@code --data}, or from the older positional form {@code SPEC} of commands
     * that took it that way; exactly one of the two.
     */
    public String require(String positional) {
        String v = orNull();
        if (v != null && positional != null) throw new UsageException("give the dataset spec once, as --data SPEC; got '" + v + "' and '" + positional + "'");
        return v != null ? v : positional != null ? positional : require();
    }

    /**
     * For commands that take inputs as parameters too (batch, tag): those inputs, plus the
     * {@code --data} spec when given; at least one of the two.
     */
    public java.util.List<String> withInputs(java.util.List<String> positional, String label) {
        java.util.List<String> all = new java.util.ArrayList<>(positional == null ? java.util.List.of() : positional);
        String v = orNull();
        if (v != null) all.add(v);
        if (all.isEmpty()) throw new UsageException("give the inputs: " + label + "... or --data SPEC");
        return all;
    }
}
