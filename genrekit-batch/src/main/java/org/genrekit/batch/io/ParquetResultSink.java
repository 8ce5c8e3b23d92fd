package org.genrekit.batch.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.genrekit.core.io.AtomicFiles;

/**
 * Results as a Parquet dataset: a folder of {@code part-NNNNN.parquet} files, as Spark, pandas and
 * DuckDB read them. A Parquet file is only readable once its footer is written, so rows are
 * collected into a part that is closed every {@code rowsPerPart} rows or {@code maxSeconds}
 * seconds, written under a hidden temporary name and renamed into place. A kill loses at most the
 * open part, whose files {@code --resume} then does again.
 */
public final class ParquetResultSink implements ResultSink {
    static final Pattern PART = Pattern.compile("part-(\\d{5,})\\.parquet");
    private final Path dir;
    private final ResultColumns columns;
    private final MessageType schema;
    private final int rowsPerPart;
    private final long maxNanos;
    private int nextPart;
    private ParquetWriter<Group> writer;
    private Path tmp;
    private int rows;
    private long openedAt;

    public ParquetResultSink(Path dir, ResultColumns columns, int rowsPerPart, double maxSeconds) throws IOException {
        if (rowsPerPart < 1) throw new IllegalArgumentException("rowsPerPart must be >= 1, got " + rowsPerPart);
        if (!(maxSeconds > 0)) throw new IllegalArgumentException("maxSeconds must be > 0, got " + maxSeconds);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": Parquet results are a folder of parts, but a file of that name exists");
        }
        Files.createDirectories(dir);
        this.dir = dir;
        this.columns = columns;
        this.schema = schema(columns);
        this.rowsPerPart = rowsPerPart;
        this.maxNanos = (long) (maxSeconds * 1e9);
        removeStaleTemps(dir);
        this.nextPart = nextPartNumber(dir);
    }

    /** The table's Parquet schema. */
    public static MessageType schema(ResultColumns c) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("path");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id");
        if (c.hasModel()) {
            b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("genre");
            b.required(PrimitiveTypeName.DOUBLE).named("probability");
            for (String l : c.labels()) b.required(PrimitiveTypeName.DOUBLE).named("p_" + l);
        }
        b.optional(PrimitiveTypeName.DOUBLE).named("duration_s");
        b.required(PrimitiveTypeName.DOUBLE).named("millis");
        if (c.tags()) b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("tag");
        for (String f : c.featureColumns()) b.required(PrimitiveTypeName.FLOAT).named("f_" + f);
        return b.named("genrekit_results");
    }

    @Override
    public void write(TrackResult r) throws IOException {
        if (writer == null) open();
        Group g = new SimpleGroupFactory(schema).newGroup();
        g.add("path", r.item().key());
        g.add("id", r.item().id());
        if (columns.hasModel()) {
            g.add("genre", r.genre());
            g.add("probability", r.probability());
            for (int i = 0; i < columns.labels().size(); i++) g.add("p_" + columns.labels().get(i), r.probabilities()[i]);
        }
        if (!Double.isNaN(r.durationSeconds())) g.add("duration_s", r.durationSeconds());
        g.add("millis", r.millis());
        if (columns.tags() && r.tagAction() != null) g.add("tag", r.tagAction());
        if (!columns.featureColumns().isEmpty()) {
            float[] f = r.features();
            for (int i = 0; i < f.length; i++) g.add("f_" + columns.featureColumns().get(i), f[i]);
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
