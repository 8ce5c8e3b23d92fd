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

    static List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Algorithms (--algo NAME, parameters as --param NAME=VALUE, default in brackets):");
        for (Algorithm<?> a : Algorithms.all()) {
            out.add("  " + a.name() + ": " + a.description());
            if (a.params().isEmpty()) out.add("      (no parameters)");
            for (ParamDoc p : a.params()) out.add(param(p));
        }
        out.add("Every algorithm's pipeline also takes:");
        for (ParamDoc p : PipelineOptions.PARAMS) out.add(param(p));
        out.add("  ensemble: a soft vote of algorithms: members=a,b,c, optional weights=1,2,1, member parameters as MEMBER.param=value");
        out.add("  default: the built-in model's pipeline (an ensemble of lda, logreg and svm-rbf)");
        out.add("  bundles: an ensemble of existing bundle files: members=A.gkm,B.gkm, optional weights");
        return out;
    }

    private static String param(ParamDoc p) {
        // picocli reads %n and friends in help text: a literal % must be doubled.
        return ("      " + p.name() + " [" + p.defaultValue() + "]: " + p.description()).replace("%", "%%");
    }
}
