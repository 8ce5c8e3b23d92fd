package org.genrekit.apps.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * An option with one documented name and older names that are still accepted but hidden from
 * help. picocli cannot hide some names of one option, so each subclass declares two options that
 * both land here; giving the value twice (under either name) is a usage error.
 */
abstract class AliasedOption {
    private final List<String> given = new ArrayList<>();

    /** The documented name with its label, e.g. {@code --data=SPEC}. */
    abstract String display();

    /** The older names, for the message when the value is given twice. */
    abstract String aliases();

    final void add(String value) {
        if (value != null) given.add(value);
    }

    /** The value, or null when the option was not given. */
    public final String orNull() {
        if (given.size() > 1) {
            throw new UsageException("give " + display() + " once (" + aliases() + " are older names of it), got " + given);
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** The value; a usage error when it was not given. */
    public final String require() {
        String v = orNull();
        if (v == null) throw new UsageException("missing required option " + display());
        return v;
    }
}
