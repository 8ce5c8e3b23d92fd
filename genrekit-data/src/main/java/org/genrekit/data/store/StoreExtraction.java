package org.genrekit.data.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.genrekit.core.io.FileKey;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.extract.ParallelExtractor;
import org.genrekit.data.split.Segment;

/**
 * Fills a {@link FeatureStore} for a list of segments (extracting only those whose key is not
 * stored yet) and reads them back as a {@link VectorDataset}.
 */
public final class StoreExtraction {
    /** One segment that could not be extracted. */
    public record Failure(Segment segment, String reason, String detail) {
    }

    /** What a run did. */
    public record Summary(int total, int reused, int extracted, List<Failure> failures) {
        public Summary {
            failures = List.copyOf(failures);
        }
    }

    private StoreExtraction() {
    }

    /** Key of a segment's audio as it is now on disk; null when the file is missing. */
    public static String keyOf(Segment s) {
        if (s.track().audio() == null) return null;
        try {
            return FileKey.of(s.track().audio()).digest(s.tag());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Extracts every segment whose key the store lacks, on {@code threads} threads, committing
     * batches as it goes (a killed run keeps what was committed). Files that are missing or fail
     * are listed in the summary, not thrown.
     */
    public static Summary run(List<Segment> segments, FeatureStore store, ParallelExtractor.Compute<Segment> compute,
                              int threads, String progressLabel) throws IOException {
        List<Segment> todo = new ArrayList<>();
        List<String> todoKeys = new ArrayList<>();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        int reused = 0;
        java.util.Set<String> queued = new java.util.HashSet<>();
        for (Segment s : segments) {
            String k = keyOf(s);
            if (k == null) {
                failures.add(new Failure(s, "NOT_FOUND", s.track().audio() == null ? "no audio file" : s.track().audio() + ": not readable"));
            } else if (store.contains(k)) {
                reused++;
            } else if (queued.add(k)) {
                todo.add(s);
                todoKeys.add(k);
            }
        }
        if (todo.isEmpty()) return new Summary(segments.size(), reused, 0, failures);
        Map<Segment, String> keyBySeg = new java.util.IdentityHashMap<>();
        for (int i = 0; i < todo.size(); i++) keyBySeg.put(todo.get(i), todoKeys.get(i));
        ParallelExtractor.Result r;
        try (ProgressListener.Stage bar = ProgressListener.current().start(progressLabel, todo.size())) {
            r = new ParallelExtractor<Segment>(threads, false).run(todo, compute, new ParallelExtractor.Sink<>() {
                @Override
                public void accept(Segment s, float[] values) throws IOException {
                    FileKey a = FileKey.of(s.track().audio());
                    store.put(new StoredRow(keyBySeg.get(s), s.trackId(), a.path(), a.size(), a.mtimeMs(), s.tag(), values));
                }

                @Override
                public void failed(Segment s, String reason, String detail) {
                    failures.add(new Failure(s, reason, detail));
                }
            }, bar);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        store.commit();
        return new Summary(segments.size(), reused, r.ok(), failures);
    }

    /**
     * The stored vectors of {@code segments}, in their order, with the track's label and group
     * ({@code "artist"}, {@code "album"} or null for none); segments not in the store are left out.
     */
    public static VectorDataset read(List<Segment> segments, FeatureStore store, String groupBy) throws IOException {
        Map<String, StoredRow> rows = store.readAll();
        List<String> ids = new ArrayList<>(), labels = new ArrayList<>(), groups = new ArrayList<>();
        List<float[]> x = new ArrayList<>();
        boolean anyGroup = false;
        for (Segment s : segments) {
            String k = keyOf(s);
            StoredRow r = k == null ? null : rows.get(k);
            if (r == null) continue;
            ids.add(s.trackId());
            labels.add(s.track().label());
            String g = "album".equals(groupBy) ? s.track().album() : s.track().artist();
            anyGroup |= g != null;
            groups.add(g);
            x.add(r.values());
        }
        return new VectorDataset(ids, labels, store.columns(), x.toArray(new float[0][]), anyGroup ? groups : null);
    }
}
