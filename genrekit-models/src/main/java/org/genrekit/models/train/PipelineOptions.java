package org.genrekit.models.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrekit.models.algo.ParamDoc;

/**
 * The parameters every single-algorithm pipeline takes besides its algorithm's own.
 *
 * @param pca  0: none; n &gt;= 1: that many components; in (0, 1): the variance fraction to keep
 * @param drop columns to leave out (absent ones are ignored, so a spec also runs on other feature sets)
 * @param log  log-transform the skewed positive columns first ({@code log=auto}); {@code log=none} does not
 */
public record PipelineOptions(double pca, List<String> drop, boolean log) {
    public static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("pca", "0", "0 (none), a whole number of components >= 1, or a variance fraction in (0, 1)"),
            new ParamDoc("drop", "", "columns to leave out, separated by ';' or ','"),
            new ParamDoc("log", "auto", "auto (log-transform skewed positive columns) or none"));

    public PipelineOptions {
        drop = List.copyOf(drop);
    }

    /** Whether {@code key} is one of these pipeline parameters (not the algorithm's). */
    public static boolean isPipelineParam(String key) {
        return PARAMS.stream().anyMatch(d -> d.name().equals(key));
    }

    /** Reads pca, drop and log from {@code params} (other keys are ignored: they are the algorithm's). */
    public static PipelineOptions of(Map<String, String> params) {
        String pcaText = params.getOrDefault("pca", "0").strip();
        double pca;
        try {
            pca = Double.parseDouble(pcaText);
        } catch (NumberFormatException e) {
            pca = -1;
        }
        if (!(pca >= 0 && Double.isFinite(pca)) || (pca >= 1 && pca != Math.rint(pca))) {
            throw new IllegalArgumentException("parameter 'pca' must be " + PARAMS.get(0).description() + ", got '" + pcaText + "'");
        }
        List<String> drop = Arrays.stream(params.getOrDefault("drop", "").split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String log = params.getOrDefault("log", "auto").strip();
        if (!log.equals("auto") && !log.equals("none")) throw new IllegalArgumentException("parameter 'log' must be auto or none, got '" + log + "'");
        return new PipelineOptions(pca, drop, log.equals("auto"));
    }
}
