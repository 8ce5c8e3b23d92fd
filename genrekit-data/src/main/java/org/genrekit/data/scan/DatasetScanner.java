package org.genrekit.data.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioInfo;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.FailureRecord;
import org.genrekit.audio.Failures;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.core.csv.CsvWriter;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;

/**
 * Checks every track of a source in parallel: header probe (fast) or full decode ({@code deep}),
 * never stopping on a bad file. Gives per-genre counts and durations, sample rates, and every
 * unreadable or too-short file with its reason.
 */
public final class DatasetScanner {
    /** Scan settings: {@code minSeconds} below which a readable file is too short (0 = none). */
    public record Options(boolean deep, int threads, double minSeconds) {
        public Options {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            if (!(minSeconds >= 0)) throw new IllegalArgumentException("minSeconds must be >= 0, got " + minSeconds);
        }
    }

    /** The default minimum for a source: 95% of its nominal clip length, else 1 s. */
    public static double defaultMinSeconds(TrackSource src) {
        double n = src.nominalSeconds();
        return Double.isNaN(n) ? 1.0 : 0.95 * n;
    }

    private DatasetScanner() {
    }

    public static List<ScanResult> scan(TrackSource src, Options o) throws IOException {
        return scan(src, o, DatasetScanner::one);
    }

    /** How one track is checked (tests give their own). */
    @FunctionalInterface
    interface Check {
        ScanResult apply(Track t, Options o);
    }

    static List<ScanResult> scan(TrackSource src, Options o, Check check) throws IOException {
        List<Track> tracks = src.tracks();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "genrekit-scan");
            t.setDaemon(true);
            return t;
        });
        List<ScanResult> out = new ArrayList<>(tracks.size());
        try (ProgressListener.Stage bar = ProgressListener.current().start(o.deep() ? "scan --deep" : "scan", tracks.size())) {
            // submitted in windows so that 100,000 futures never pile up at once
            int window = 4096;
            for (int from = 0; from < tracks.size(); from += window) {
                List<Future<ScanResult>> fs = new ArrayList<>();
                for (Track t : tracks.subList(from, Math.min(tracks.size(), from + window))) {
                    fs.add(pool.submit(() -> {
                        ScanResult r = safely(check, t, o);
                        if (r.ok()) bar.step();
                        else bar.fail();
                        return r;
                    }));
                }
                for (Future<ScanResult> f : fs) out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** Whatever one file throws (an OutOfMemoryError decoding a huge file included) is that file's problem, not the scan's. */
    private static ScanResult safely(Check check, Track t, Options o) {
        try {
            return check.apply(t, o);
        } catch (Throwable e) {
            return failed(t, e);
        }
    }

    private static ScanResult failed(Track t, Throwable e) {
        return new ScanResult(t, Failures.reason(e), Failures.message(e), 0, 0, Double.NaN, "");
    }

    static ScanResult one(Track t, Options o) {
        if (t.audio() == null) return new ScanResult(t, "NOT_FOUND", "no audio file for this track", 0, 0, Double.NaN, "");
        try {
            AudioInfo info = AudioLoader.probe(t.audio());
            double dur = info.durationSeconds();
            if (o.deep()) {
                Signal s = AudioLoader.load(t.audio(), LoadOptions.atRate(0));
                dur = s.durationSeconds();
            }
            String problem = null, detail = "";
            if (!Double.isNaN(dur) && dur < o.minSeconds()) {
                problem = "TOO_SHORT";
                detail = String.format(Locale.ROOT, "%.2f s < %.2f s", dur, o.minSeconds());
            }
            return new ScanResult(t, problem, detail, info.sampleRate(), info.channels(), dur, info.codec() == null ? "" : info.codec());
        } catch (AudioDecodeException | RuntimeException e) {
            return failed(t, e);
        }
    }

    /** Per-label statistics over readable files. */
    public record LabelStats(String label, int tracks, int problems, double totalSeconds, double minSeconds, double maxSeconds) {
    }

    /** Statistics per label (null label shown as "(none)"), sorted, plus an "all" row last. */
    public static List<LabelStats> stats(List<ScanResult> rs) {
        Map<String, List<ScanResult>> by = new TreeMap<>();
        for (ScanResult r : rs) by.computeIfAbsent(r.track().label() == null ? "(none)" : r.track().label(), k -> new ArrayList<>()).add(r);
        List<LabelStats> out = new ArrayList<>();
        by.forEach((l, list) -> out.add(stat(l, list)));
        out.add(stat("all", rs));
        return out;
    }

    private static LabelStats stat(String label, List<ScanResult> list) {
        double total = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int problems = 0;
        for (ScanResult r : list) {
            if (!r.ok()) problems++;
            double d = r.durationSeconds();
            if (!Double.isNaN(d)) {
                total += d;
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        return new LabelStats(label, list.size(), problems, total, min == Double.POSITIVE_INFINITY ? Double.NaN : min,
                max == Double.NEGATIVE_INFINITY ? Double.NaN : max);
    }

    /** The report table, for the caller to show (library code prints nothing). */
    public static String report(String name, List<ScanResult> rs, Options o, double seconds) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf(Locale.ROOT, "%s: %d tracks scanned (%s) in %.1f s%n", name, rs.size(), o.deep() ? "full decode" : "headers", seconds);
        out.printf(Locale.ROOT, "%-20s %7s %10s %9s %9s %9s%n", "genre", "tracks", "total", "min", "max", "problems");
        for (LabelStats s : stats(rs)) {
            out.printf(Locale.ROOT, "%-20s %7d %10s %9s %9s %9d%n", s.label(), s.tracks(), hms(s.totalSeconds()),
                    secs(s.minSeconds()), secs(s.maxSeconds()), s.problems());
        }
        Map<String, Integer> rates = new TreeMap<>();
        Map<String, Integer> codecs = new TreeMap<>();
        int unknownDur = 0;
        for (ScanResult r : rs) {
            if (r.sampleRate() > 0) rates.merge(r.sampleRate() + " Hz", 1, Integer::sum);
            if (!r.codec().isEmpty()) codecs.merge(r.codec() + (r.channels() > 0 ? "/" + r.channels() + "ch" : ""), 1, Integer::sum);
            if ((r.ok() || r.tooShort()) && Double.isNaN(r.durationSeconds())) unknownDur++;
        }
        out.println("sample rates: " + fmt(rates));
        out.println("codecs: " + fmt(codecs));
        if (unknownDur > 0) out.println(unknownDur + " files do not state their duration in the header (use --deep)");
        List<ScanResult> bad = rs.stream().filter(r -> !r.ok()).toList();
        long unreadable = bad.stream().filter(r -> !r.tooShort()).count();
        out.printf(Locale.ROOT, "unreadable: %d, too short (< %.2f s): %d%n", unreadable, o.minSeconds(), bad.size() - unreadable);
        int shown = 0;
        for (ScanResult r : bad) {
            if (shown++ >= 50) {
                out.println("  ... " + (bad.size() - 50) + " more (see --csv)");
                break;
            }
            out.printf("  %-12s %s%s%n", r.problem(), r.track().audio() == null ? r.track().id() : r.track().audio(),
                    r.detail().isEmpty() ? "" : "  (" + shortDetail(r) + ")");
        }
        out.flush();
        return text.toString();
    }

    private static String shortDetail(ScanResult r) {
        String d = r.detail();
        String path = r.track().audio() == null ? null : r.track().audio().toString();
        if (path != null && d.startsWith(path + ": ")) d = d.substring(path.length() + 2);
        return d;
    }

    /** What the problems file adds after the shared failure columns ({@link FailureRecord#COLUMNS}). */
    public static final List<String> SCAN_COLUMNS = List.of("id", "label", "duration_s");

    /** Writes every unreadable or too-short file as CSV: the shared failure columns, then {@link #SCAN_COLUMNS} (atomically). */
    public static void writeProblems(Path csv, List<ScanResult> rs) throws IOException {
        AtomicFiles.writeText(csv, w -> {
            List<String> header = new ArrayList<>(FailureRecord.COLUMNS);
            header.addAll(SCAN_COLUMNS);
            w.write(CsvWriter.line(header) + "\n");
            for (ScanResult r : rs) {
                if (r.ok()) continue;
                List<String> row = new ArrayList<>(new FailureRecord(r.track().audio() == null ? r.track().id() : r.track().audio().toString(),
                        "scan", r.problem(), shortDetail(r)).values());
                row.addAll(List.of(r.track().id(), r.track().label() == null ? "" : r.track().label(),
                        Double.isNaN(r.durationSeconds()) ? "" : String.format(Locale.ROOT, "%.3f", r.durationSeconds())));
                w.write(CsvWriter.line(row));
                w.write('\n');
            }
        });
    }

    private static String fmt(Map<String, Integer> m) {
        if (m.isEmpty()) return "(none)";
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(" (").append(v).append(')'));
        return sb.toString();
    }

    static String hms(double s) {
        if (Double.isNaN(s)) return "-";
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t % 3600) / 60, t % 60);
    }

    static String secs(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.2fs", s);
    }
}
