package org.genrekit.batch.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.genrekit.batch.TrackResult;
import org.genrekit.models.ModelIdentity;
import org.genrekit.models.result.ResultJson;
import org.genrekit.models.result.ResultRow;
import org.genrekit.core.io.AtomicFiles;

/**
 * Results as a Parquet dataset: a folder of {@code part-NNNNN.parquet} files, as Spark, pandas and
 * DuckDB read them, with {@link ResultColumns} and the model named in each part's footer
 * ({@code genrekit.model.name/version/sha256}; Parquet's own {@code writer.model.name} names its
 * object model, not ours). A Parquet file is only readable once its footer is written, so rows are
 * collected into a part that is closed every {@code rowsPerPart} rows or {@code maxSeconds}
 * seconds, written under a hidden temporary name and renamed into place. A kill loses at most the
 * open part, whose files {@code --resume} then does again.
 */
public final class ParquetResultSink implements ResultSink {
    static final Pattern PART = Pattern.compile("part-(\\d{5,})\\.parquet");
    private final Path dir;
    private final ResultColumns columns;
    private final MessageType schema;
    private final Map<String, String> footer;
    private final int rowsPerPart;
    private final long maxNanos;
    private int nextPart;
    private ParquetWriter<Group> writer;
    private Path tmp;
    private int rows;
    private long openedAt;

    /**
     * @param model the model that answers (named in every part's footer), or null for features only
     */
    public ParquetResultSink(Path dir, ResultColumns columns, ModelIdentity model, int rowsPerPart, double maxSeconds) throws IOException {
        if (rowsPerPart < 1) throw new IllegalArgumentException("rowsPerPart must be >= 1, got " + rowsPerPart);
        if (!(maxSeconds > 0)) throw new IllegalArgumentException("maxSeconds must be > 0, got " + maxSeconds);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": Parquet results are a folder of parts, but a file of that name exists");
        }
        Files.createDirectories(dir);
        this.dir = dir;
        this.columns = columns;
        this.schema = schema(columns);
        this.footer = footer(model);
        this.rowsPerPart = rowsPerPart;
        this.maxNanos = (long) (maxSeconds * 1e9);
        removeStaleTemps(dir);
        this.nextPart = nextPartNumber(dir);
    }

    /** The table's Parquet schema: text as UTF-8 strings, {@code windows} int32, features float, the rest double. */
    public static MessageType schema(ResultColumns c) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String n : c.names()) {
            boolean optional = n.equals("analysed_s") || n.equals("tag") || ResultRow.NULLABLE.contains(n);
            var field = optional ? b.optional(type(n)) : b.required(type(n));
            if (type(n) == PrimitiveTypeName.BINARY) field.as(LogicalTypeAnnotation.stringType()).named(n);
            else field.named(n);
        }
        return b.named("genrekit_results");
    }

    private static PrimitiveTypeName type(String column) {
        if (column.equals("id") || column.equals("tag") || ResultRow.TEXT.contains(column)) return PrimitiveTypeName.BINARY;
        if (ResultRow.INTEGER.contains(column)) return PrimitiveTypeName.INT32;
        return column.startsWith("f_") ? PrimitiveTypeName.FLOAT : PrimitiveTypeName.DOUBLE;
    }

    /** Footer key/values naming the model, so that a Parquet part says which model wrote it. */
    public static Map<String, String> footer(ModelIdentity model) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("genrekit.result_schema", ResultJson.SCHEMA_ID);
        if (model != null) {
            m.put("genrekit.model.name", model.name());
            m.put("genrekit.model.version", model.version());
            if (model.sha256() != null) m.put("genrekit.model.sha256", model.sha256());
        }
        return m;
    }

    @Override
    public void write(TrackResult r) throws IOException {
        if (writer == null) open();
        Group g = new SimpleGroupFactory(schema).newGroup();
        List<String> names = columns.names();
        List<Object> values = columns.values(r);
        for (int i = 0; i < names.size(); i++) {
            switch (values.get(i)) {
                case null -> { } // an optional column left empty
                case String v -> g.add(names.get(i), v);
                case Double v -> g.add(names.get(i), v);
                case Float v -> g.add(names.get(i), v);
                case Integer v -> g.add(names.get(i), v);
                default -> throw new IllegalStateException("column " + names.get(i) + " has a " + values.get(i).getClass().getSimpleName());
            }
        }
        writer.write(g);
        rows++;
        if (rows >= rowsPerPart) roll();
    }

    @Override
    public void tick() throws IOException {
        if (writer != null && System.nanoTime() - openedAt >= maxNanos) roll();
    }

    private void open() throws IOException {
        tmp = dir.resolve(".part-" + String.format("%05d", nextPart) + ".parquet.tmp");
        Files.deleteIfExists(tmp);
        writer = ExampleParquetWriter.builder(new LocalOutputFile(tmp))
                .withType(schema)
                .withConf(new Configuration(false))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(footer)
                .build();
        rows = 0;
        openedAt = System.nanoTime();
    }

    /** Closes the open part and renames it into place. */
    private void roll() throws IOException {
        if (writer == null) return;
        writer.close();
        writer = null;
        Path target = dir.resolve("part-" + String.format("%05d", nextPart) + ".parquet");
        AtomicFiles.commit(tmp, target);
        nextPart++;
    }

    @Override
    public void close() throws IOException {
        roll();
    }

    private static void removeStaleTemps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".part-") && n.endsWith(".parquet.tmp")) Files.deleteIfExists(p);
            }
        }
    }

    static int nextPartNumber(Path dir) throws IOException {
        int max = -1;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = PART.matcher(p.getFileName().toString());
                if (m.matches()) max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }
}
