package org.genrekit.batch.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.genrekit.core.csv.CsvReader;

/**
 * The files an earlier run already finished, read back from its results and failures files for
 * {@code --resume}. Only paths are kept (no audio, no rows), so 100,000 tracks cost a few MB.
 * A torn last line (the run was killed mid-write) is cut off first, and its file is done again.
 */
public final class DoneKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DoneKeys() {
    }

    /** Paths in the results {@code out} and, when {@code includeFailures}, in its failures file. */
    public static Set<String> read(Path out, boolean includeFailures) throws IOException {
        Set<String> done = new HashSet<>();
        switch (ResultFormat.of(out)) {
            case CSV -> readCsv(out, done);
            case JSONL -> readJsonl(out, done);
            case PARQUET -> readParquet(out, done);
        }
        if (includeFailures) readCsv(ResultFormat.failuresFile(out), done);
        return done;
    }

    private static void readCsv(Path file, Set<String> done) throws IOException {
        if (!Files.exists(file)) return;
        LineLog.repairTail(file, true);
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
            if (csv.next() == null) return; // the header
            for (List<String> record; (record = csv.next()) != null; ) done.add(record.get(0));
        }
    }

    private static void readJsonl(Path file, Set<String> done) throws IOException {
        if (!Files.exists(file)) return;
        LineLog.repairTail(file, false);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                JsonNode p = n.get("path");
                if (p == null || !p.isTextual()) throw new IOException(file + ": line without a \"path\": " + line);
                done.add(p.asText());
            }
        }
    }

    private static void readParquet(Path dir, Set<String> done) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path part : s.filter(p -> ParquetResultSink.PART.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                try (ParquetReader<Group> r = new PathReader(new LocalInputFile(part)).withConf(new Configuration(false)).build()) {
                    for (Group g; (g = r.read()) != null; ) done.add(g.getString("path", 0));
                }
            }
        }
    }

    /** ParquetReader's builder for a local file, reading records as {@link Group}s. */
    private static final class PathReader extends ParquetReader.Builder<Group> {
        PathReader(LocalInputFile in) {
            super(in);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
