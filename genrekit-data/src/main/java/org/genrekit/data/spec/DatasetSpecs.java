package org.genrekit.data.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.extract.FeatureExtraction;
import org.genrekit.data.extract.ParallelExtractor;
import org.genrekit.data.source.Artists;
import org.genrekit.data.source.FmaSource;
import org.genrekit.data.source.FolderSource;
import org.genrekit.data.source.GtzanSource;
import org.genrekit.data.source.ImageFolderSource;
import org.genrekit.data.source.ManifestSource;
import org.genrekit.data.split.Segment;
import org.genrekit.data.split.Segmenter;
import org.genrekit.data.split.Split;
import org.genrekit.data.split.Splits;
import org.genrekit.data.store.FeatureStore;
import org.genrekit.data.store.StoreExtraction;
import org.genrekit.data.table.FeatureTables;
import org.genrekit.data.table.MedianImputer;
import org.genrekit.data.table.MissingValues;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;

/**
 * Opens dataset specs the same way for every command (see {@link DatasetSpec} for the grammar and
 * docs/datasets.md for examples).
 *
 * <pre>{@code
 * VectorDataset ds = DatasetSpecs.vectors("gtzan:/data/gtzan?split=lists&train=tr.txt&test=te.txt",
 *         FeatureRecipe.parse("gtzan58"), Path.of("store"));
 * Split split = DatasetSpecs.split("gtzan:/data/gtzan?split=lists&train=tr.txt&test=te.txt", ds);
 * VectorDataset train = ds.subsetByIds(split.train());
 * }</pre>
 */
public final class DatasetSpecs {
    private static final System.Logger LOG = System.getLogger(DatasetSpecs.class.getName());

    private DatasetSpecs() {
    }

    /** Opens a spec as tracks (audio sources and image folders); a feature table is not a track source. */
    public static TrackSource tracks(String spec) throws IOException {
        return tracks(DatasetSpec.parse(spec));
    }

    public static TrackSource tracks(DatasetSpec spec) throws IOException {
        TrackSource src = switch (spec.kind()) {
            case GTZAN -> new GtzanSource(spec.location());
            case FOLDER -> new FolderSource(spec.location());
            case MANIFEST -> new ManifestSource(spec.location());
            case IMAGES -> new ImageFolderSource(spec.location());
            case FMA -> new FmaSource(spec.location(), new FmaSource.Options(
                    spec.option("audio") == null ? null : Path.of(spec.option("audio")),
                    spec.option("subset") == null ? null : FmaSource.Subset.parse(spec.option("subset"))));
            case TABLE -> throw new IllegalArgumentException("'" + spec.text() + "' is a feature table, not a source of tracks");
        };
        Artists artists = artists(spec);
        return filterGenres(artists == null ? src : artists.apply(src), spec.option("genres"));
    }

    private static TrackSource filterGenres(TrackSource src, String genres) {
        if (genres == null) return src;
        Set<String> keep = new HashSet<>(Arrays.asList(genres.split(",")));
        keep.removeIf(String::isBlank);
        List<Track> kept = src.tracks().stream().filter(t -> t.label() != null && keep.contains(t.label())).toList();
        return new TrackSource() {
            @Override
            public String name() {
                return src.name() + "?genres=" + genres;
            }

            @Override
            public List<Track> tracks() {
                return kept;
            }

            @Override
            public List<String> warnings() {
                return src.warnings();
            }
        };
    }

    /**
     * Opens any spec as feature vectors: a feature table is read directly ({@code recipe} and
     * {@code storeDir} unused); an audio source is extracted through the feature store under
     * {@code storeDir} with {@code recipe} (only missing entries are computed; progress on stderr;
     * files that fail are reported on stderr and left out). With {@code segments=NxT} each track
     * gives N rows, all with the track's id (splits by id keep them together).
     */
    public static VectorDataset vectors(String spec, FeatureRecipe recipe, Path storeDir) throws IOException {
        return vectors(DatasetSpec.parse(spec), recipe, storeDir);
    }

    public static VectorDataset vectors(DatasetSpec spec, FeatureRecipe recipe, Path storeDir) throws IOException {
        return load(spec, recipe, storeDir, MissingValues.REFUSE).data();
    }

    /**
     * The vectors of a spec and what loading them did.
     *
     * @param failed  audio files that could not be extracted (reported on stderr and left out)
     * @param imputed values replaced by their column's median ({@link MissingValues#MEDIAN})
     */
    public record Loaded(VectorDataset data, int failed, int imputed) {
    }

    /**
     * {@link #vectors} with a policy for values that are not finite: {@link MissingValues#REFUSE}
     * (an error naming the file, line and column; for the feature store, the track and column),
     * {@link MissingValues#KEEP} (NaN) or {@link MissingValues#MEDIAN} (each column's median over
     * the loaded rows).
     */
    public static Loaded load(DatasetSpec spec, FeatureRecipe recipe, Path storeDir, MissingValues missing) throws IOException {
        int[] failed = {0};
        VectorDataset ds = read(spec, recipe, storeDir, missing, failed);
        if (missing == MissingValues.MEDIAN) {
            MedianImputer.Result r = MedianImputer.impute(ds);
            return new Loaded(r.data(), failed[0], r.imputed());
        }
        if (missing == MissingValues.REFUSE) requireFinite(ds, spec);
        return new Loaded(ds, failed[0], 0);
    }

    /** Rows from the feature store (or any source other than a table, which is checked as it is read). */
    private static void requireFinite(VectorDataset ds, DatasetSpec spec) {
        for (int i = 0; i < ds.size(); i++) {
            float[] row = ds.row(i);
            for (int j = 0; j < row.length; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException(spec.text() + ": track " + ds.ids().get(i) + ", column '" + ds.columns().get(j)
                            + "' is " + row[j] + "; re-extract it, or impute column medians with --missing median (train, evaluate)");
                }
            }
        }
    }

    private static VectorDataset read(DatasetSpec spec, FeatureRecipe recipe, Path storeDir, MissingValues missing, int[] failed) throws IOException {
        if (spec.kind() == DatasetSpec.Kind.TABLE) {
            VectorDataset ds = withMetadata(spec, FeatureTables.read(spec.location(), missing));
            Artists artists = artists(spec);
            if (artists != null) ds = artists.apply(ds);
            String genres = spec.option("genres");
            if (genres == null) return ds;
            Set<String> keep = new HashSet<>(Arrays.asList(genres.split(",")));
            List<String> labels = ds.labels();
            return ds.subset(java.util.stream.IntStream.range(0, ds.size())
                    .filter(i -> labels.get(i) != null && keep.contains(labels.get(i))).toArray());
        }
        if (spec.kind() == DatasetSpec.Kind.IMAGES) {
            throw new IllegalArgumentException("'" + spec.text() + "' is an image folder; feature vectors come from audio or a feature table");
        }
        if (recipe == null) throw new IllegalArgumentException("an audio dataset needs a feature recipe (e.g. gtzan58)");
        if (storeDir == null) throw new IllegalArgumentException("an audio dataset needs a feature store directory");
        FeatureSet set = FeatureSets.create(recipe);
        TrackSource src = tracks(spec);
        for (String w : src.warnings()) LOG.log(System.Logger.Level.WARNING, w);
        List<Segment> segs = segments(spec, src);
        try (FeatureStore store = FeatureStore.open(storeDir, set.recipe(), set.columns())) {
            StoreExtraction.Summary s = StoreExtraction.run(segs, store, FeatureExtraction.compute(set),
                    ParallelExtractor.defaultThreads(), set.recipe().name());
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "features %s: %d items, %d from the store, %d extracted, %d failed",
                    set.recipe().id(), s.total(), s.reused(), s.extracted(), s.failures().size()));
            failed[0] = s.failures().size();
            int shown = 0;
            for (StoreExtraction.Failure f : s.failures()) {
                if (shown++ >= 20) {
                    LOG.log(System.Logger.Level.WARNING, "... " + (s.failures().size() - 20) + " more failed");
                    break;
                }
                LOG.log(System.Logger.Level.WARNING, "failed " + f.segment().trackId() + ": " + f.reason() + ": " + f.detail());
            }
            return StoreExtraction.read(segs, store, spec.option("group", "artist"));
        }
    }

    /** The spec's {@code artists=FILE}, read; null without the option. */
    public static Artists artists(DatasetSpec spec) throws IOException {
        String file = spec.option("artists");
        if (file == null) return null;
        if ("album".equals(spec.option("group"))) {
            throw new IllegalArgumentException("artists=FILE sets artists, but group=album groups by album; drop one of them");
        }
        return Artists.read(Path.of(file));
    }

    /**
     * {@code meta=FMA_METADATA_DIR} on a table (FMA's features.csv has no labels): keeps the rows of
     * the subset's tracks and takes genre_top as label and the artist as group from tracks.csv.
     */
    private static VectorDataset withMetadata(DatasetSpec spec, VectorDataset ds) throws IOException {
        String meta = spec.option("meta");
        if (meta == null) return ds;
        FmaSource fma = fmaMetadata(spec);
        java.util.Map<String, Track> byId = new java.util.HashMap<>();
        for (Track t : fma.tracks()) byId.put(t.id(), t);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) if (byId.containsKey(ds.ids().get(i))) rows.add(i);
        VectorDataset sub = ds.subset(rows.stream().mapToInt(Integer::intValue).toArray());
        List<String> labels = new ArrayList<>(), groups = new ArrayList<>();
        boolean album = "album".equals(spec.option("group"));
        for (String id : sub.ids()) {
            Track t = byId.get(id);
            labels.add(t.label());
            groups.add(album ? t.album() : t.artist());
        }
        return new VectorDataset(sub.ids(), labels, sub.columns(), sub.x(), groups);
    }

    private static FmaSource fmaMetadata(DatasetSpec spec) throws IOException {
        return new FmaSource(Path.of(spec.option("meta")), new FmaSource.Options(null,
                FmaSource.Subset.parse(spec.option("subset", "full"))));
    }

    /** The units to extract: whole tracks, or N fixed chunks per track with {@code segments=NxT}. Tracks without audio are kept (reported as failures). */
    public static List<Segment> segments(DatasetSpec spec, TrackSource src) {
        List<Segment> out = new ArrayList<>();
        String seg = spec.option("segments");
        if (spec.option("crops") != null) {
            throw new IllegalArgumentException("crops=KxT are random training crops for the deep-learning inputs; feature vectors take segments=NxT");
        }
        Segmenter segmenter = seg == null ? null : Segmenter.parseFixed(seg);
        // fixed chunks depend on the track alone, not on its part: cutting every track here equals cutting each part after the split
        for (Track t : src.tracks()) {
            if (segmenter == null) out.add(Segment.whole(t, null));
            else out.addAll(segmenter.apply(new Split(List.of(t.id()), List.of(), List.of()), List.of(t)));
        }
        return out;
    }

    /**
     * The split a spec asks for, over the ids of {@code ds}:
     * {@code split=random} (default; {@code valid=0.0&test=0.2&seed=42}, with {@code group=artist|album}
     * or {@code artists=FILE} group-aware), {@code split=lists} ({@code train=FILE&valid=FILE&test=FILE}),
     * {@code split=official} (the source's own column: FMA's set.split, a manifest's split column),
     * {@code split=kfold} ({@code k=5&fold=0&seed=42}: this fold of {@link #folds}).
     */
    public static Split split(String spec, VectorDataset ds) throws IOException {
        return split(DatasetSpec.parse(spec), ds);
    }

    public static Split split(DatasetSpec spec, VectorDataset ds) throws IOException {
        String mode = spec.option("split", "random");
        long seed = spec.longOption("seed", 42);
        Set<String> ids = new java.util.LinkedHashSet<>(ds.ids());
        return switch (mode) {
            case "random" -> {
                double valid = spec.doubleOption("valid", 0.0), test = spec.doubleOption("test", 0.2);
                yield grouped(spec, ds) ? Splits.grouped(ds, valid, test, seed) : Splits.stratified(ds, valid, test, seed);
            }
            case "lists" -> {
                if (spec.option("train") == null && spec.option("test") == null && spec.option("valid") == null) {
                    throw new IllegalArgumentException("split=lists needs train=FILE, valid=FILE and/or test=FILE");
                }
                yield Splits.fromLists(ids, pathOpt(spec, "train"), pathOpt(spec, "valid"), pathOpt(spec, "test"));
            }
            case "official" -> {
                if (spec.kind() == DatasetSpec.Kind.TABLE) {
                    if (spec.option("meta") == null) {
                        throw new IllegalArgumentException("a feature table has no official split; use split=random or split=lists (or meta=FMA_METADATA for FMA's)");
                    }
                    yield Splits.restrict(Splits.fromTracks(fmaMetadata(spec).tracks()), ids);
                }
                yield Splits.restrict(Splits.fromTracks(tracks(spec).tracks()), ids);
            }
            case "kfold" -> {
                int k = (int) spec.longOption("k", 5);
                int fold = (int) spec.longOption("fold", 0);
                if (fold < 0 || fold >= k) throw new IllegalArgumentException("fold must be in [0, " + k + "), got " + fold);
                yield folds(spec, ds).get(fold);
            }
            default -> throw new IllegalArgumentException("split must be random, kfold, lists or official, got '" + mode + "'");
        };
    }

    /** All k folds of {@code split=kfold} (group-aware with {@code group=artist|album}, or {@code artists=FILE}). */
    public static List<Split> folds(String spec, VectorDataset ds) throws IOException {
        return folds(DatasetSpec.parse(spec), ds);
    }

    public static List<Split> folds(DatasetSpec spec, VectorDataset ds) {
        int k = (int) spec.longOption("k", 5);
        long seed = spec.longOption("seed", 42);
        return grouped(spec, ds) ? Splits.groupedKFold(ds.ids(), ds.labels(), ds.groups(), k, seed)
                : Splits.stratifiedKFold(ds, k, seed);
    }

    /** Group-aware with {@code group=artist|album}, and by default when {@code artists=FILE} is given. */
    private static boolean grouped(DatasetSpec spec, VectorDataset ds) {
        String g = spec.option("group", spec.option("artists") != null ? "artist" : null);
        if (g == null || g.equals("none")) return false;
        if (!g.equals("artist") && !g.equals("album")) throw new IllegalArgumentException("group must be artist, album or none, got '" + g + "'");
        if (ds.groups() == null) throw new IllegalArgumentException("group=" + g + " asked, but the dataset has no " + g + " per track");
        return true;
    }

    private static Path pathOpt(DatasetSpec spec, String key) {
        String v = spec.option(key);
        return v == null ? null : Path.of(v);
    }
}
