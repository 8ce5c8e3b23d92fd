package org.genrekit.apps.cli.model;

import java.util.ArrayList;
import java.util.List;
import org.genrekit.models.algo.Algorithm;
import org.genrekit.models.algo.Algorithms;
import org.genrekit.models.algo.ParamDoc;
import org.genrekit.models.train.PipelineOptions;

/** Adds every algorithm with its parameters and defaults to {@code train --help}, from the registry (so none is missing). */
final class AlgorithmsHelp {
    private AlgorithmsHelp() {
    }

    /** Picocli's usage width: longer footer lines would be wrapped without indentation. */
    private static final int WIDTH = 80;

    static List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Algorithms (--algo NAME, parameters as --param NAME=VALUE, default in brackets):");
        for (Algorithm<?> a : Algorithms.all()) {
            wrap(out, "  " + a.name() + ": " + a.description(), 6);
            if (a.params().isEmpty()) out.add("      (no parameters)");
            for (ParamDoc p : a.params()) param(out, p);
        }
        out.add("Every algorithm's pipeline also takes:");
        for (ParamDoc p : PipelineOptions.PARAMS) param(out, p);
        wrap(out, "  ensemble: a soft vote of algorithms: members=a,b,c, optional weights=1,2,1, member parameters as MEMBER.param=value", 6);
        wrap(out, "  default: the built-in model's pipeline (an ensemble of lda, logreg and svm-rbf)", 6);
        wrap(out, "  bundles: an ensemble of existing bundle files: members=A.gkm,B.gkm, optional weights", 6);
        // picocli reads %n and friends in help text: a literal % must be doubled.
        out.replaceAll(l -> l.replace("%", "%%"));
        return out;
    }

    private static void param(List<String> out, ParamDoc p) {
        wrap(out, "      " + p.name() + " [" + p.defaultValue() + "]: " + p.description(), 10);
    }

    /** {@code text} as lines of at most {@link #WIDTH} characters, continuation lines indented by {@code indent}. */
    private static void wrap(List<String> out, String text, int indent) {
        String body = text.stripLeading();
        StringBuilder line = new StringBuilder(text.substring(0, text.length() - body.length()));
        int start = line.length();
        for (String word : body.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(" ".repeat(indent));
                start = indent;
            } else if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
    }
}
