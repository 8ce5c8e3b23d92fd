package org.genrekit.models.algo;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The nearest known name to a misspelt one ({@code lamda} → {@code lambda}), for error messages. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The known name closest to {@code given} by edit distance when it is a likely typo (at most 2
     * edits, or a shared prefix of 3 letters such as {@code logistic} → {@code logreg}).
     */
    public static Optional<String> suggest(String given, Collection<String> known) {
        String g = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(g, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= 2) return Optional.of(best);
        for (String k : known) {
            if (g.length() >= 3 && k.length() >= 3 && k.toLowerCase(Locale.ROOT).startsWith(g.substring(0, 3))) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"}, or nothing. */
    public static String hint(String given, Collection<String> known) {
        return suggest(given, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
