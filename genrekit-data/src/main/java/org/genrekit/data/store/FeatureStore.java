package org.genrekit.data.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.genrekit.core.hash.Sha256;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.features.FeatureRecipe;

/**
 * A persistent feature store: a directory of your choice holding, per recipe, Parquet part files.
 *
 * <pre>
 * STORE/
 *   gtzan58-3f2a9c01d2/            one folder per recipe (name + hash of {@link FeatureRecipe#id()} with all parameters)
 *     _recipe.txt                 the recipe id and the columns (a "_" name: Spark and pyarrow skip it)
 *     part-000001-&lt;rand&gt;.parquet  committed batches (complete files only)
 *     .lock                       held while a process writes
 * </pre>
 *
 * Commit protocol: rows are buffered, each batch is written to {@code .tmp-part-...}, fsynced and
 * renamed; the set of {@code part-*.parquet} files IS the committed state (no separate ledger that
 * could be torn). A process killed at any moment leaves complete parts plus at most one temp file,
 * which the next open deletes. Rows are unique by key; should a key appear in two parts (a crash
 * during {@link #compact()}), reading keeps one. A changed recipe parameter is a different folder,
 * so it recomputes; a changed file (size or mtime) is a different key.
 * Not thread-safe for writers across processes: the {@code .lock} file makes a second writer fail fast.
 */
public final class FeatureStore implements AutoCloseable {
    private final Path dir;
    private final FeatureRecipe recipe;
    private final List<String> columns;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Path> keyToPart = new HashMap<>();
    /** Every committed part file with its row count, in name (= commit) order. */
    private final java.util.TreeMap<Path, Integer> partRows = new java.util.TreeMap<>();
    private final List<StoredRow> pending = new ArrayList<>();
    private int nextSeq;
    private final int batchRows;
    private final long batchNanos;
    private long lastCommit = System.nanoTime();

    private FeatureStore(Path dir, FeatureRecipe recipe, List<String> columns, int batchRows, double batchSeconds) throws IOException {
        this.dir = dir;
        this.recipe = recipe;
        this.columns = List.copyOf(columns);
        this.batchRows = batchRows;
        this.batchNanos = (long) (batchSeconds * 1e9);
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IOException(dir + ": feature store is in use by another process");
        }
        this.lock = l;
        try {
            recover();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens (creating when needed) the store of {@code recipe} under {@code root}; batches commit every 256 rows or 30 s. */
    public static FeatureStore open(Path root, FeatureRecipe recipe, List<String> columns) throws IOException {
        return open(root, recipe, columns, 256, 30);
    }

    /** Same, with the batch size and interval after which buffered rows are committed. */
    public static FeatureStore open(Path root, FeatureRecipe recipe, List<String> columns, int batchRows, double batchSeconds) throws IOException {
        Objects.requireNonNull(recipe, "recipe");
        if (columns.isEmpty()) throw new IllegalArgumentException("a feature store needs at least one column");
        if (batchRows < 1) throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
        return new FeatureStore(recipeDir(root, recipe), recipe, columns, batchRows, batchSeconds);
    }

    /** The folder of {@code recipe} under {@code root}. */
    public static Path recipeDir(Path root, FeatureRecipe recipe) {
        return root.resolve(recipe.name() + "-" + Sha256.hexOf(recipe.id()).substring(0, 10));
    }

    private void recover() throws IOException {
        Path recipeTxt = dir.resolve("_recipe.txt");
        String expected = recipe.id() + "\n" + String.join(",", columns) + "\n";
        if (Files.isRegularFile(recipeTxt)) {
            String have = Files.readString(recipeTxt, StandardCharsets.UTF_8);
            if (!have.equals(expected)) {
                throw new IOException(dir + ": _recipe.txt says '" + have.lines().findFirst().orElse("")
                        + "' with other columns; expected " + recipe.id() + " with " + columns.size() + " columns");
            }
        } else {
            AtomicFiles.writeString(recipeTxt, expected);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".tmp-") || n.startsWith(".") && n.endsWith(".tmp")) {
                    Files.deleteIfExists(p); // torn write of a killed run: never committed
                } else if (n.startsWith("part-") && n.endsWith(".parquet")) {
                    found.add(p);
                    nextSeq = Math.max(nextSeq, seqOf(n) + 1);
                }
            }
        }
        List<ParquetParts.Part> parts = readParts(found, false);
        java.util.Set<Path> sharing = new java.util.TreeSet<>();
        for (int i = 0; i < found.size(); i++) {
            ParquetParts.Part part = parts.get(i);
            if (!part.columns().equals(columns)) throw new IOException(found.get(i) + ": columns differ from the recipe's");
            for (String k : part.keys()) {
                Path prev = keyToPart.putIfAbsent(k, found.get(i));
                if (prev != null) {
                    sharing.add(prev);
                    sharing.add(found.get(i));
                }
            }
            partRows.put(found.get(i), part.rows());
        }
        // a merge killed between writing its result and deleting its inputs: finish it
        if (!sharing.isEmpty()) merge(new ArrayList<>(sharing));
    }

    private static int seqOf(String partName) {
        try {
            return Integer.parseInt(partName.substring(5, 11));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public Path dir() {
        return dir;
    }

    public FeatureRecipe recipe() {
        return recipe;
    }

    public List<String> columns() {
        return columns;
    }

    /** Committed or pending. */
    public synchronized boolean contains(String key) {
        return keyToPart.containsKey(key) || pending.stream().anyMatch(r -> r.key().equals(key));
    }

    /** Number of distinct committed keys. */
    public synchronized int size() {
        return keyToPart.size();
    }

    /** Number of part files. */
    public synchronized int parts() {
        return partRows.size();
    }

    /** Reads part files in parallel (decoding dominates, and parts are independent). */
    private static List<ParquetParts.Part> readParts(List<Path> files, boolean withValues) throws IOException {
        try {
            return files.parallelStream().map(p -> {
                try {
                    return ParquetParts.read(p, withValues);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Buffers a row; commits a batch when it is full or old. Thread-safe. */
    public synchronized void put(StoredRow row) throws IOException {
        if (row.values().length != columns.size()) {
            throw new IllegalArgumentException("row " + row.id() + " has " + row.values().length + " values, store has " + columns.size() + " columns");
        }
        if (keyToPart.containsKey(row.key())) return;
        pending.add(row);
        if (pending.size() >= batchRows || System.nanoTime() - lastCommit >= batchNanos) commit();
    }

    /** Writes buffered rows as one part file (atomically). */
    public synchronized void commit() throws IOException {
        lastCommit = System.nanoTime();
        if (pending.isEmpty()) return;
        // dedupe within the batch (one file listed twice)
        Map<String, StoredRow> uniq = new java.util.LinkedHashMap<>();
        for (StoredRow r : pending) uniq.putIfAbsent(r.key(), r);
        String name = String.format(Locale.ROOT, "part-%06d-%08x.parquet", nextSeq++, new java.util.Random().nextInt());
        Path target = dir.resolve(name);
        ParquetParts.write(target, columns, recipe.id(), new ArrayList<>(uniq.values()));
        for (String k : uniq.keySet()) keyToPart.put(k, target);
        partRows.put(target, uniq.size());
        pending.clear();
    }

    /** Every committed row, one per key (parts read in order; the first occurrence of a key wins). */
    public synchronized Map<String, StoredRow> readAll() throws IOException {
        return readAll(new ArrayList<>(partRows.keySet()));
    }

    private Map<String, StoredRow> readAll(List<Path> files) throws IOException {
        Map<String, StoredRow> out = new HashMap<>(keyToPart.size() * 2);
        List<ParquetParts.Part> parts = readParts(files, true);
        for (ParquetParts.Part part : parts) {
            for (int i = 0; i < part.rows(); i++) {
                out.putIfAbsent(part.keys()[i], new StoredRow(part.keys()[i], part.ids()[i], part.paths()[i],
                        part.sizes()[i], part.mtimes()[i], part.segments()[i], part.values()[i]));
            }
        }
        return out;
    }

    /** Rewrites all parts as one (atomic: the new part is committed before the old ones go; a crash between leaves duplicates that reads ignore). */
    public synchronized void compact() throws IOException {
        commit();
        merge(new ArrayList<>(partRows.keySet()));
    }

    /** Parts with fewer rows than this are "small"; {@value #SMALL_PARTS_TO_MERGE} of them are merged at close. */
    static final int SMALL_PART_ROWS = 4096;
    /** Merged output is cut into parts of this many rows (about 68 MB at 518 columns) so that reads run in parallel. */
    static final int MERGED_PART_ROWS = 32768;
    static final int SMALL_PARTS_TO_MERGE = 16;

    /**
     * Merges the small parts (the 256-row batches of extraction runs) into one once there are
     * {@value #SMALL_PARTS_TO_MERGE} of them, so that reading a big store opens a few files, not hundreds.
     */
    public synchronized void compactSmallParts() throws IOException {
        commit();
        List<Path> small = partRows.entrySet().stream().filter(e -> e.getValue() < SMALL_PART_ROWS).map(Map.Entry::getKey).toList();
        if (small.size() >= SMALL_PARTS_TO_MERGE) merge(small);
    }

    private void merge(List<Path> old) throws IOException {
        if (old.size() <= 1) return;
        Map<String, StoredRow> rows = readAll(old);
        List<StoredRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(java.util.Comparator.comparing(StoredRow::path).thenComparing(StoredRow::segment));
        for (int from = 0; from < sorted.size(); from += MERGED_PART_ROWS) {
            List<StoredRow> chunk = sorted.subList(from, Math.min(sorted.size(), from + MERGED_PART_ROWS));
            String name = String.format(Locale.ROOT, "part-%06d-%08x.parquet", nextSeq++, new java.util.Random().nextInt());
            Path target = dir.resolve(name);
            ParquetParts.write(target, columns, recipe.id(), chunk);
            partRows.put(target, chunk.size());
            for (StoredRow r : chunk) keyToPart.put(r.key(), target);
        }
        for (Path p : old) {
            Files.deleteIfExists(p);
            partRows.remove(p);
        }
        AtomicFiles.fsyncFolder(dir);
    }

    /** Commits pending rows, merges small parts when there are many, and releases the lock. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock != null && lock.isValid()) compactSmallParts();
        } finally {
            if (lock != null && lock.isValid()) lock.release();
            lockChannel.close();
        }
    }
}
