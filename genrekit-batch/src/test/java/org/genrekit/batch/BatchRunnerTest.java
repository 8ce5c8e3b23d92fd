package org.genrekit.batch;

import java.io.StringReader;
import java.io.UncheckedIOException;
import org.genrekit.core.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.genrekit.batch.io.ResultFormat;
import org.genrekit.models.result.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchRunnerTest {
    @TempDir
    Path tmp;

    /** {@code good} fake tracks and {@code bad} corrupt ones in nested folders, plus a non-audio file. */
    private Path library(int good, int bad) throws IOException {
        Path root = tmp.resolve("lib");
        Random rnd = new Random(7);
        for (int i = 0; i < good + bad; i++) {
            Path dir = root.resolve("g" + (i % 3)).resolve("d" + (i % 5));
            Files.createDirectories(dir);
            byte[] b = new byte[200 + rnd.nextInt(500)];
            rnd.nextBytes(b);
            if (i >= good) {
                b[0] = 'B';
                b[1] = 'A';
                b[2] = 'D';
            } else if (b[0] == 'B') {
                b[0] = 'x';
            }
            Files.write(dir.resolve(String.format("t%04d.mp3", i)), b);
        }
        Files.writeString(root.resolve("notes.txt"), "not audio");
        return root;
    }

    private static FolderItems mp3s(Path root) {
        return new FolderItems(root, p -> p.toString().endsWith(".mp3"));
    }

    private static Set<String> allMp3(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return new TreeSet<>(s.filter(p -> p.toString().endsWith(".mp3")).map(p -> p.toAbsolutePath().normalize().toString()).toList());
        }
    }

    private static List<String> csvPaths(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream().skip(1).map(l -> fields(l).get(0)).toList();
    }

    private static List<String> parquetPaths(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Group g : parquetRows(dir)) out.add(g.getString("file", 0));
        return out;
    }

    private static List<Group> parquetRows(Path dir) throws IOException {
        List<Group> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path part : s.filter(p -> p.getFileName().toString().matches("part-\\d+\\.parquet")).sorted().toList()) {
                try (ParquetReader<Group> r = new ParquetReader.Builder<Group>(new LocalInputFile(part)) {
                    @Override
                    protected ReadSupport<Group> getReadSupport() {
                        return new GroupReadSupport();
                    }
                }.withConf(new Configuration(false)).build()) {
                    for (Group g; (g = r.read()) != null; ) out.add(g);
                }
            }
        }
        return out;
    }

    private static BatchOptions opts(int threads) {
        return BatchOptions.defaults().withThreads(threads);
    }

    @Test
    void csvHasEveryGoodFileOnceAndFailuresHaveReasons() throws Exception {
        Path root = library(40, 3);
        Path out = tmp.resolve("out/results.csv");
        BatchSummary s = new BatchRunner(new HashProcessor(0), opts(4), false).run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(40, s.ok());
        assertEquals(3, s.failed());
        List<String> lines = Files.readAllLines(out);
        assertEquals("file,id,genre,probability,top,p_jazz,p_rock,p_classical,model_name,model_version,model_sha256,window_s,hop_s,tail,"
                + "min_tail_s,offset_s,duration_s,windows,analysed_s,decode_ms,feature_ms,predict_ms,warnings,millis,f_h0,f_h1", lines.get(0));
        List<String> paths = csvPaths(out);
        assertEquals(40, new TreeSet<>(paths).size());
        assertEquals(40, paths.size());
        // each row's numbers are the processor's for that file
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            double[] p = HashProcessor.probabilities(Files.readAllBytes(Path.of(f.get(0))));
            assertEquals(p[0], Double.parseDouble(f.get(5)), 0);
            int best = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
            assertEquals(HashProcessor.LABELS.get(best), f.get(2));
            assertEquals(p[best], Double.parseDouble(f.get(3)), 0);
            assertEquals(2, f.get(4).split("\\|").length, "top 2: " + f.get(4));
            assertEquals(HashProcessor.LABELS.get(best), f.get(4).split("\\|")[0]);
            assertEquals(List.of("hash", "1.0", "ab".repeat(32)), f.subList(8, 11));
            assertEquals(Path.of(f.get(0)).getFileName().toString().replace(".mp3", ""), f.get(1));
        }
        List<String> failures = Files.readAllLines(out.resolveSibling("results.csv.failures.csv"));
        assertEquals("file,stage,error_type,message", failures.get(0));
        assertEquals(3, failures.size() - 1);
        assertTrue(failures.get(1).contains(",decode,NOT_AUDIO,"), failures.get(1));
        Set<String> all = new TreeSet<>(paths);
        all.addAll(csvPaths(out.resolveSibling("results.csv.failures.csv")));
        assertEquals(allMp3(root), all);
    }

    @Test
    void anOutOfMemoryErrorOnOneFileIsAReportedFailureAndTheRunEnds() throws Exception {
        Path root = library(12, 0);
        Path out = tmp.resolve("out/results.csv");
        HashProcessor hash = new HashProcessor(0);
        TrackProcessor huge = new TrackProcessor() {
            @Override
            public List<String> labels() {
                return hash.labels();
            }

            @Override
            public List<String> featureColumns() {
                return hash.featureColumns();
            }

            @Override
            public String describe() {
                return "hash, one file too big";
            }

            @Override
            public TrackResult process(BatchItem item) {
                if (item.path().getFileName().toString().equals("t0003.mp3")) throw new OutOfMemoryError("Java heap space");
                return hash.process(item);
            }
        };
        // Before the fix the error killed its worker, which never said it was done: the writer waited forever.
        BatchSummary s = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> new BatchRunner(huge, opts(2), false).run(mp3s(root), out, BatchProgress.NONE));
        assertEquals(11, s.ok());
        assertEquals(1, s.failed());
        List<String> failures = Files.readAllLines(out.resolveSibling("results.csv.failures.csv"));
        assertEquals(2, failures.size());
        assertTrue(failures.get(1).contains("t0003.mp3") && failures.get(1).contains(",OUT_OF_MEMORY,")
                && failures.get(1).contains("ran out of memory"), failures.get(1));
    }

    @Test
    void refusesToAppendToExistingResultsWithoutResume() throws Exception {
        Path root = library(5, 0);
        Path out = tmp.resolve("r.csv");
        new BatchRunner(new HashProcessor(0), opts(2), false).run(mp3s(root), out, BatchProgress.NONE);
        byte[] before = Files.readAllBytes(out);
        IOException e = assertThrows(IOException.class,
                () -> new BatchRunner(new HashProcessor(0), opts(2), false).run(mp3s(root), out, BatchProgress.NONE));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out));
    }

    @Test
    void resumeRedoesOnlyMissingFilesAndCutsATornLastLine() throws Exception {
        Path root = library(30, 2);
        Path out = tmp.resolve("r.csv");
        new BatchRunner(new HashProcessor(0), opts(3), false).run(mp3s(root), out, BatchProgress.NONE);
        // simulate a crash: the last 7 rows never arrived and the 8th from the end is torn in half
        List<String> lines = Files.readAllLines(out);
        List<String> kept = lines.subList(0, lines.size() - 8);
        String torn = lines.get(lines.size() - 8);
        Files.writeString(out, String.join("\n", kept) + "\n" + torn.substring(0, torn.length() / 2));
        BatchSummary s = new BatchRunner(new HashProcessor(0), opts(3).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(8, s.ok());
        assertEquals(0, s.failed());
        assertEquals(30 - 8 + 2, s.skipped());
        List<String> paths = csvPaths(out);
        assertEquals(30, paths.size());
        assertEquals(30, new TreeSet<>(paths).size());
        int width = new BatchRunner(new HashProcessor(0), opts(1), false).columns().names().size();
        for (String l : Files.readAllLines(out).subList(1, 31)) assertEquals(width, fields(l).size(), l);
        // nothing left: a third run does nothing
        BatchSummary again = new BatchRunner(new HashProcessor(0), opts(3).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(0, again.processed());
        // retrying failures runs exactly the two corrupt files again
        BatchSummary retry = new BatchRunner(new HashProcessor(0), opts(3).withResume(true, true), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(2, retry.failed());
        assertEquals(0, retry.ok());
    }

    @Test
    void jsonlRowsCarryProbabilitiesAndFeatures() throws Exception {
        Path root = library(12, 1);
        Path out = tmp.resolve("r.jsonl");
        new BatchRunner(new HashProcessor(0), opts(2), false).run(mp3s(root), out, BatchProgress.NONE);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(out);
        assertEquals(12, lines.size());
        for (String l : lines) {
            JsonNode n = json.readTree(l);
            byte[] b = Files.readAllBytes(Path.of(n.get("file").asText()));
            double[] p = HashProcessor.probabilities(b);
            assertEquals(p[1], n.get("probabilities").get("rock").asDouble(), 0);
            for (String field : ResultJson.REQUIRED) assertTrue(n.has(field), field + " missing: " + l);
            assertEquals("ab".repeat(32), n.get("model").get("sha256").asText());
            assertEquals(b.length, n.get("features").get(0).asDouble(), 0);
        }
        BatchSummary s = new BatchRunner(new HashProcessor(0), opts(2).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(0, s.processed());
    }

    @Test
    void parquetDatasetHoldsEveryRowAndResumes() throws Exception {
        Path root = library(25, 1);
        Path out = tmp.resolve("r.parquet");
        new BatchRunner(new HashProcessor(0), opts(2).withParts(10, 60), false).run(mp3s(root), out, BatchProgress.NONE);
        List<Group> rows = parquetRows(out);
        assertEquals(25, rows.size());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(3, s.filter(p -> p.getFileName().toString().startsWith("part-")).count());
        }
        // every part's footer names the model that wrote it
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(out.resolve("part-00000.parquet")))) {
            Map<String, String> footer = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertEquals("hash", footer.get("genrekit.model.name"));
            assertEquals("1.0", footer.get("genrekit.model.version"));
            assertEquals("ab".repeat(32), footer.get("genrekit.model.sha256"));
            assertEquals(ResultJson.SCHEMA_ID, footer.get("genrekit.result_schema"));
        }
        Map<String, Double> rock = new HashMap<>();
        for (Group g : rows) rock.put(g.getString("file", 0), g.getDouble("p_rock", 0));
        for (var e : rock.entrySet()) {
            assertEquals(HashProcessor.probabilities(Files.readAllBytes(Path.of(e.getKey())))[1], e.getValue(), 0);
        }
        BatchSummary s = new BatchRunner(new HashProcessor(0), opts(2).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(0, s.processed());
    }

    @Test
    void unreadableFileListFailsBeforeAnyResultFileExists() throws Exception {
        Path manifest = tmp.resolve("no-path-column.csv");
        Files.write(manifest, List.of("genre,clip_id", "rock,rock.00000"));
        Path out = tmp.resolve("bad/results.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchRunner(new HashProcessor(0), opts(2), false).run(new FileListItems(manifest), out, BatchProgress.NONE));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
        assertFalse(Files.exists(out), "no results file may be left to block the corrected rerun");
        assertFalse(Files.exists(ResultFormat.failuresFile(out)));
    }

    @Test
    void fileListAcceptsTheDatasetManifestColumns() throws Exception {
        Path root = library(3, 0);
        List<String> rels;
        try (Stream<Path> s = Files.walk(root)) {
            rels = s.filter(p -> p.toString().endsWith(".mp3")).sorted().map(p -> root.relativize(p).toString()).toList();
        }
        Path manifest = root.resolve("manifest.csv");
        List<String> lines = new ArrayList<>(List.of("relative_path,genre,clip_id"));
        for (int i = 0; i < rels.size(); i++) lines.add(rels.get(i) + ",rock,clip" + i);
        Files.write(manifest, lines);
        try (Stream<BatchItem> s = new FileListItems(manifest).open()) {
            List<BatchItem> items = s.toList();
            assertEquals(rels.size(), items.size());
            assertEquals("clip0", items.get(0).id());
            assertEquals(root.resolve(rels.get(0)).toAbsolutePath().normalize(), items.get(0).path());
        }
    }

    /** The fields of one physical CSV line. */
    static List<String> fields(String line) {
        try (CsvReader r = new CsvReader(new StringReader(line), "line")) {
            return r.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of a CSV file (RFC 4180: quoted fields may hold line breaks), header first. */
    private static List<List<String>> csvRecords(Path file) throws IOException {
        return CsvReader.readAll(file);
    }

    @Test
    void aFileNameWithANewlineIsWrittenExactlyAndResumeSkipsIt() throws Exception {
        Path root = library(3, 1);
        Path odd = Files.write(root.resolve("g0/two\nlines.mp3"), new byte[] {1, 2, 3, 4, 5, 6});
        Path oddBad = Files.write(root.resolve("g0/bad\r\nname.mp3"), "BAD!".getBytes(StandardCharsets.US_ASCII));
        Path out = tmp.resolve("nl.csv");
        BatchSummary s = new BatchRunner(new HashProcessor(0), opts(2), false).run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(4, s.ok());
        assertEquals(2, s.failed());
        // Before: the newline was written as a space, so the row named no file and --resume redid it every time.
        List<String> paths = csvRecords(out).stream().skip(1).map(r -> r.get(0)).toList();
        assertTrue(paths.contains(odd.toAbsolutePath().toString()), paths.toString());
        List<String> failed = csvRecords(out.resolveSibling("nl.csv.failures.csv")).stream().skip(1).map(r -> r.get(0)).toList();
        assertTrue(failed.contains(oddBad.toAbsolutePath().toString()), failed.toString());
        BatchSummary again = new BatchRunner(new HashProcessor(0), opts(2).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(0, again.processed(), "resume redid files it had finished");
        // A record torn just after its quoted newline is cut off as a whole, and that file is done again.
        String text = Files.readString(out);
        Files.writeString(out, text.substring(0, text.indexOf("two\n") + 4));
        BatchSummary repaired = new BatchRunner(new HashProcessor(0), opts(2).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertTrue(repaired.ok() >= 1, "the torn record's file was not done again");
        List<List<String>> rows = csvRecords(out);
        assertEquals(5, rows.size(), rows.toString());
        int width = new BatchRunner(new HashProcessor(0), opts(1), false).columns().names().size();
        for (List<String> r : rows) assertEquals(width, r.size(), r.toString());
        assertEquals(4, new TreeSet<>(rows.stream().skip(1).map(r -> r.get(0)).toList()).size());
    }

    @Test
    void csvManifestReadsAQuotedNewlineInAPath() throws Exception {
        Path root = library(2, 0);
        Path odd = Files.write(root.resolve("new\nline.mp3"), new byte[] {9, 9, 9});
        Path manifest = root.resolve("list.csv");
        Files.writeString(manifest, "id,path\r\nx1,\"new\nline.mp3\"\r\nx2,\"a,b.mp3\"\r\n");
        List<BatchItem> items;
        try (Stream<BatchItem> st = new FileListItems(manifest).open()) {
            items = st.toList();
        }
        // Before: the quoted newline ended the line, and reading failed with "unterminated quote".
        assertEquals(2, items.size(), items.toString());
        assertEquals(odd.toAbsolutePath().normalize(), items.get(0).path());
        assertEquals("x1", items.get(0).id());
        assertEquals(root.resolve("a,b.mp3").toAbsolutePath().normalize(), items.get(1).path());
    }

    @Test
    void fileListResolvesPathsAgainstItsFolder() throws Exception {
        Path root = library(6, 0);
        List<String> rels;
        try (Stream<Path> s = Files.walk(root)) {
            rels = s.filter(p -> p.toString().endsWith(".mp3")).sorted().limit(4).map(p -> root.relativize(p).toString()).toList();
        }
        Path manifest = root.resolve("list.csv");
        List<String> lines = new ArrayList<>(List.of("track_id,genre,path"));
        for (int i = 0; i < rels.size(); i++) lines.add("id" + i + ",rock," + rels.get(i));
        Files.write(manifest, lines);
        List<BatchItem> items;
        try (Stream<BatchItem> s = new FileListItems(manifest).open()) {
            items = s.toList();
        }
        assertEquals(4, items.size());
        assertEquals("id0", items.get(0).id());
        assertEquals(root.resolve(rels.get(0)).toAbsolutePath().normalize(), items.get(0).path());
        Path txt = root.resolve("list.m3u");
        Files.writeString(txt, "#EXTM3U\n" + rels.get(1) + "\n\n");
        try (Stream<BatchItem> s = new FileListItems(txt).open()) {
            assertEquals(List.of(root.resolve(rels.get(1)).toAbsolutePath().normalize()), s.map(BatchItem::path).toList());
        }
    }

    @Test
    void cancelStopsCleanlyAndResumeFinishesTheRest() throws Exception {
        Path root = library(60, 0);
        Path out = tmp.resolve("c.jsonl");
        BatchRunner runner = new BatchRunner(new HashProcessor(30), opts(2), false);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        BatchSummary s = runner.run(mp3s(root), out, new BatchProgress() {
            @Override
            public void done(TrackResult r) {
                if (seen.incrementAndGet() == 10) runner.cancel(); // what Ctrl-C does
            }
        });
        assertTrue(s.cancelled());
        assertTrue(s.ok() >= 10 && s.ok() < 60, "stopped after " + s.ok());
        assertEquals(s.ok(), Files.readAllLines(out).size(), "every finished file is written before the run returns");
        BatchSummary rest = new BatchRunner(new HashProcessor(0), opts(2).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        assertEquals(60 - s.ok(), rest.ok());
        List<String> paths = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String l : Files.readAllLines(out)) paths.add(json.readTree(l).get("file").asText());
        assertEquals(60, paths.size());
        assertEquals(allMp3(root), new TreeSet<>(paths));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void killedRunResumesWithEveryFileExactlyOnce(String ext) throws Exception {
        Path root = library(120, 4);
        Path out = tmp.resolve("killed." + ext);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BatchChild.class.getName(),
                root.toString(), out.toString(), "150", "2")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            // kill it once some results are on disk but well before the end (120 files × 150 ms / 2 threads ≈ 9 s)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (progressOnDisk(out, ext) < 10) {
                assertTrue(child.isAlive(), () -> "child ended early: " + readLog());
                assertTrue(System.nanoTime() < deadline, "child wrote no results in 60 s");
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        int before = rowsOnDisk(out, ext);
        assertTrue(before < 120, "the child finished before it was killed (" + before + " rows)");
        BatchSummary s = new BatchRunner(new HashProcessor(0), opts(2).withResume(true, false), false)
                .run(mp3s(root), out, BatchProgress.NONE);
        List<String> ok = ext.equals("csv") ? csvPaths(out) : parquetPaths(out);
        List<String> failed = csvPaths(ResultFormatPaths.failures(out));
        List<String> all = new ArrayList<>(ok);
        all.addAll(failed);
        assertEquals(all.size(), new TreeSet<>(all).size(), "a file appears twice");
        assertEquals(allMp3(root), new TreeSet<>(all));
        assertEquals(120, ok.size());
        assertEquals(4, failed.size());
        assertFalse(s.processed() == 0);
    }

    private String readLog() {
        try {
            return Files.readString(tmp.resolve("child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Rows written (CSV) or rows in closed parts (Parquet, 5 per part); cheap to poll. */
    private static int progressOnDisk(Path out, String ext) throws IOException {
        if (ext.equals("csv")) return Math.max(0, csvPaths(out).size());
        if (!Files.isDirectory(out)) return 0;
        try (Stream<Path> s = Files.list(out)) {
            return 5 * (int) s.filter(p -> p.getFileName().toString().startsWith("part-")).count();
        }
    }

    private static int rowsOnDisk(Path out, String ext) throws IOException {
        if (ext.equals("csv")) return Math.max(0, csvPaths(out).size());
        return parquetPaths(out).size();
    }

    /** Test access to the failures file's name. */
    private static final class ResultFormatPaths {
        static Path failures(Path out) {
            return org.genrekit.batch.io.ResultFormat.failuresFile(out);
        }
    }
}
