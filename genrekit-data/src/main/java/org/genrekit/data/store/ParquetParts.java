package org.genrekit.data.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.genrekit.core.io.AtomicFiles;

/**
 * Parquet part files of the store: local files only (no HDFS, no Hadoop FileSystem), Snappy,
 * one flat schema {@code key, id, path, size, mtime_ms, segment, <feature columns as float>} that
 * pandas, pyarrow and Spark read as is. Writing goes to a temporary name, is fsynced, then renamed:
 * a part file is complete or absent.
 */
final class ParquetParts {
    static final String[] META = {"key", "id", "path", "size", "mtime_ms", "segment"};

    private static final org.apache.parquet.ParquetReadOptions READ_OPTIONS =
            org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                    .withCodecFactory(SnappyCodecs.INSTANCE).build();

    private ParquetParts() {
    }

    static MessageType schema(List<String> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String s : new String[] {"key", "id", "path"}) {
            b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(s);
        }
        b.required(PrimitiveTypeName.INT64).named("size");
        b.required(PrimitiveTypeName.INT64).named("mtime_ms");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("segment");
        for (String c : columns) b.required(PrimitiveTypeName.FLOAT).named(c);
        return b.named("genrekit_features");
    }

    /** Writes {@code rows} to {@code target} atomically (temp file, fsync, rename, directory fsync). */
    static void write(Path target, List<String> columns, String recipeId, List<StoredRow> rows) throws IOException {
        Path tmp = target.resolveSibling(".tmp-" + target.getFileName());
        Files.deleteIfExists(tmp);
        MessageType schema = schema(columns);
        try (ParquetWriter<StoredRow> w = new Builder(new LocalOutputFile(tmp), schema, recipeId)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withCodecFactory(SnappyCodecs.INSTANCE)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(false)
                .withConf(new Configuration(false))
                .build()) {
            for (StoredRow r : rows) w.write(r);
        }
        AtomicFiles.commit(tmp, target);
    }

    /** Column data of one part file. */
    record Part(List<String> columns, String[] keys, String[] ids, String[] paths, long[] sizes, long[] mtimes,
                String[] segments, float[][] values) {
        int rows() {
            return keys.length;
        }
    }

    /** The feature column names of a part (from its footer). */
    static List<String> columns(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), READ_OPTIONS)) {
            return featureColumns(r.getFooter().getFileMetaData().getSchema());
        }
    }

    private static List<String> featureColumns(MessageType schema) {
        List<String> cols = new ArrayList<>();
        for (int i = META.length; i < schema.getFieldCount(); i++) cols.add(schema.getType(i).getName());
        return cols;
    }

    /** Reads a part; {@code withValues} false reads only the metadata columns (fast key scan). */
    static Part read(Path file, boolean withValues) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), READ_OPTIONS)) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            for (int i = 0; i < META.length; i++) {
                if (schema.getFieldCount() <= i || !schema.getType(i).getName().equals(META[i])) {
                    throw new IOException(file + ": not a Genrekit feature store part (column " + i + " is not '" + META[i] + "')");
                }
            }
            List<String> cols = featureColumns(schema);
            if (!withValues) {
                MessageType meta = new MessageType(schema.getName(), schema.getFields().subList(0, META.length));
                r.setRequestedSchema(meta);
                schema = meta;
            }
            int n = Math.toIntExact(r.getRecordCount());
            String[] keys = new String[n], ids = new String[n], paths = new String[n], segs = new String[n];
            long[] sizes = new long[n], mtimes = new long[n];
            float[][] values = withValues ? new float[n][cols.size()] : null;
            String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
            GroupRecordConverter conv = new GroupRecordConverter(schema);
            List<ColumnDescriptor> descs = schema.getColumns();
            int base = 0;
            int block = 0;
            boolean ours = r.getFooter().getFileMetaData().getKeyValueMetaData().containsKey("genrekit.recipe");
            PageReadStore rg;
            while ((rg = r.readNextRowGroup()) != null) {
                int rows = Math.toIntExact(rg.getRowCount());
                // which column chunks hold only PLAIN v1 pages without a dictionary (what write() makes)
                java.util.BitSet plain = new java.util.BitSet();
                if (withValues && ours) {
                    List<org.apache.parquet.hadoop.metadata.ColumnChunkMetaData> chunks = r.getRowGroups().get(block).getColumns();
                    for (int c = 0; c < chunks.size(); c++) {
                        var ch = chunks.get(c);
                        plain.set(c, !ch.hasDictionaryPage() && ch.getEncodings().stream()
                                .allMatch(e -> e == Encoding.PLAIN || e == Encoding.RLE || e == Encoding.BIT_PACKED));
                    }
                }
                block++;
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(rg, conv.getRootConverter(), schema, createdBy);
                readStrings(store.getColumnReader(descs.get(0)), keys, base, rows);
                readStrings(store.getColumnReader(descs.get(1)), ids, base, rows);
                readStrings(store.getColumnReader(descs.get(2)), paths, base, rows);
                readLongs(store.getColumnReader(descs.get(3)), sizes, base, rows);
                readLongs(store.getColumnReader(descs.get(4)), mtimes, base, rows);
                readStrings(store.getColumnReader(descs.get(5)), segs, base, rows);
                if (withValues) {
                    // column by column: each column's pages are decoded once, values scattered into the rows
                    for (int c = 0; c < cols.size(); c++) {
                        ColumnDescriptor desc = descs.get(META.length + c);
                        if (plain.get(META.length + c)) {
                            readPlainFloats(rg.getPageReader(desc), values, base, rows, c);
                        } else {
                            ColumnReader cr = store.getColumnReader(desc);
                            for (int i = 0; i < rows; i++) {
                                values[base + i][c] = cr.getFloat();
                                cr.consume();
                            }
                        }
                    }
                }
                base += rows;
            }
            return new Part(cols, keys, ids, paths, sizes, mtimes, segs, values);
        }
    }

    /**
     * Fast path for the pages {@link #write} makes (v1 data pages, PLAIN floats, required column:
     * no level bytes): the decompressed page is the little-endian floats themselves, copied without
     * the per-value calls of the generic column reader (about 10× faster).
     */
    private static void readPlainFloats(PageReader pr, float[][] values, int base, int rows, int col) throws IOException {
        int at = 0;
        while (at < rows) {
            DataPage page = pr.readPage();
            if (page == null) throw new IOException("column " + col + " ends after " + at + " of " + rows + " values");
            if (!(page instanceof DataPageV1 v1) || v1.getValueEncoding() != Encoding.PLAIN) {
                throw new IOException("column " + col + ": expected PLAIN v1 pages, got " + page);
            }
            java.nio.ByteBuffer bb = v1.getBytes().toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int n = page.getValueCount();
            if (bb.remaining() != 4L * n) throw new IOException("column " + col + ": page holds " + bb.remaining() + " bytes for " + n + " floats");
            java.nio.FloatBuffer fb = bb.asFloatBuffer();
            for (int i = 0; i < n; i++) values[base + at + i][col] = fb.get(i);
            at += n;
        }
    }

    private static void readStrings(ColumnReader cr, String[] out, int base, int rows) {
        for (int i = 0; i < rows; i++) {
            out[base + i] = cr.getBinary().toStringUsingUTF8();
            cr.consume();
        }
    }

    private static void readLongs(ColumnReader cr, long[] out, int base, int rows) {
        for (int i = 0; i < rows; i++) {
            out[base + i] = cr.getLong();
            cr.consume();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<StoredRow, Builder> {
        private final MessageType schema;
        private final String recipeId;

        Builder(OutputFile file, MessageType schema, String recipeId) {
            super(file);
            this.schema = schema;
            this.recipeId = recipeId;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<StoredRow> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, recipeId);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<StoredRow> {
        private final MessageType schema;
        private final String recipeId;
        private RecordConsumer rc;

        RowWriteSupport(MessageType schema, String recipeId) {
            this.schema = schema;
            this.recipeId = recipeId;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            Map<String, String> meta = new HashMap<>();
            meta.put("genrekit.recipe", recipeId);
            return new WriteContext(schema, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.rc = recordConsumer;
        }

        @Override
        public void write(StoredRow r) {
            rc.startMessage();
            string(0, r.key());
            string(1, r.id());
            string(2, r.path());
            field(3);
            rc.addLong(r.size());
            end(3);
            field(4);
            rc.addLong(r.mtimeMs());
            end(4);
            string(5, r.segment());
            float[] v = r.values();
            for (int c = 0; c < v.length; c++) {
                int f = META.length + c;
                field(f);
                rc.addFloat(v[c]);
                end(f);
            }
            rc.endMessage();
        }

        private void string(int i, String s) {
            field(i);
            rc.addBinary(Binary.fromString(s));
            end(i);
        }

        private void field(int i) {
            Type t = schema.getType(i);
            rc.startField(t.getName(), i);
        }

        private void end(int i) {
            rc.endField(schema.getType(i).getName(), i);
        }
    }
}
