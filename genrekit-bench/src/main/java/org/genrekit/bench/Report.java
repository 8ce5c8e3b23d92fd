package org.genrekit.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The benchmark's Markdown table, with the librosa entries each row was compared with. */
final class Report {
    private final int threads;
    private final List<String> rows = new ArrayList<>();
    private final Set<String> matched = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    Report(int threads) {
        this.threads = threads;
    }

    private final Set<String> reasons = new LinkedHashSet<>();

    /** The table cell for a stage whose implementation is missing; the reason goes under the table. */
    String unavailable(String stage, String reason) {
        reasons.add(stage + ": not available (" + reason + ")");
        return "n/a (not available)";
    }

    String failed(String stage, String reason) {
        reasons.add(stage + ": FAILED (" + reason + ")");
        return "n/a (failed)";
    }

    void note(String text) {
        notes.add(text);
    }

    void row(String input, String stage, double one, double oneCpu, Optional<LibrosaTimings.Entry> ref1, double all,
             Optional<LibrosaTimings.Entry> refAll, String unavailable, String refNote) {
        ref1.ifPresent(e -> matched.add(stage + " [" + input + "] 1 core: `" + e.key() + "` = " + fmt(e.seconds()) + " s" + refNote));
        refAll.ifPresent(e -> matched.add(stage + " [" + input + "] all cores: `" + e.key() + "` = " + fmt(e.seconds()) + " s/clip"));
        if (unavailable != null) {
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s | | %s | | | %s | %s | |", input, stage, unavailable,
                    ref1.map(e -> fmt(e.seconds())).orElse("—"), unavailable, refAll.map(e -> fmt(e.seconds())).orElse("—")));
            return;
        }
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", input, stage, fmt(one),
                fmt(oneCpu), ref1.map(e -> fmt(e.seconds())).orElse("—"), ref1.map(e -> ratio(e.seconds() / one)).orElse("—"),
                ref1.map(e -> ratio(e.seconds() / oneCpu)).orElse("—"),
                Double.isNaN(all) ? "—" : fmt(all), refAll.map(e -> fmt(e.seconds())).orElse("—"),
                refAll.isPresent() && !Double.isNaN(all) ? ratio(refAll.get().seconds() / all) : "—"));
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append("| input | stage | Genrekit 1 core wall (s/clip) | Genrekit 1 core, process CPU (s/clip) | librosa 1 process (s) "
                + "| speed-up (wall) | speed-up (CPU) | Genrekit all cores, ").append(threads)
                .append(" threads (s/clip) | librosa 2 processes (s/clip) | speed-up |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        if (!reasons.isEmpty()) {
            b.append('\n');
            reasons.forEach(r -> b.append("- ").append(r).append('\n'));
        }
        b.append("\nlibrosa entries matched (from shared/golden/librosa-timings.json):\n\n");
        matched.forEach(m -> b.append("- ").append(m).append('\n'));
        b.append('\n');
        notes.forEach(n -> b.append(n).append("\n\n"));
        return b.toString();
    }

    private static String fmt(double s) {
        if (Double.isNaN(s)) {
            return "—";
        }
        return s >= 1 ? String.format(Locale.ROOT, "%.2f", s) : s >= 0.01 ? String.format(Locale.ROOT, "%.3f", s)
                : String.format(Locale.ROOT, "%.4f", s);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1f×", r);
    }
}
