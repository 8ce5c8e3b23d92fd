package org.genrekit.batch.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only text file of complete records, each ended by a line break. Each record goes to
 * the operating system in one write as soon as it is added, so a killed JVM loses nothing already
 * added; a record torn by a power cut or a full disk is cut off when the file is opened again
 * ({@link #repairTail}). JSON lines never hold a line break; CSV records may, inside quotes.
 */
public final class LineLog implements Closeable {
    private final Path file;
    private final FileChannel ch;
    private final boolean csv;
    private long lastSync = System.nanoTime();

    private LineLog(Path file, FileChannel ch, boolean csv) {
        this.file = file;
        this.ch = ch;
        this.csv = csv;
    }

    /**
     * Opens {@code file} for appending, creating it with {@code header} (may be null) when it is
     * new or empty. An existing file must start with the same header.
     *
     * @param csv records are CSV, whose quoted fields may hold line breaks
     */
    public static LineLog open(Path file, String header, boolean csv) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        repairTail(file, csv);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        LineLog log = new LineLog(file, ch, csv);
        try {
            if (ch.size() == 0) {
                if (header != null) log.append(header);
            } else if (header != null) {
                String first = firstLine(file);
                if (!header.equals(first)) {
                    throw new IOException(file + ": existing file has other columns than this run would write"
                            + " (expected header '" + abbreviate(header) + "', found '" + abbreviate(first) + "');"
                            + " use another output file or the same model/features as before");
                }
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return log;
    }

    /**
     * Cuts an unfinished last record (a torn write) off {@code file}; returns the bytes removed. A
     * record ends at a line break outside quotes: for CSV the file is read from the start to know
     * which line breaks are inside quoted fields (resume reads it whole anyway); other files end
     * records at every line break.
     */
    public static long repairTail(Path file, boolean csv) throws IOException {
        if (!Files.exists(file)) return 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) return 0;
            long end = csv ? lastCsvRecordEnd(ch) : lastLineEnd(ch);
            if (end < size) {
                ch.truncate(end);
                ch.force(true);
            }
            return size - end;
        }
    }

    /** Just past the last line break; torn tails are short (one record), so walking back is cheap. */
    private static long lastLineEnd(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        long pos = ch.size();
        while (pos > 0) {
            one.clear();
            ch.read(one, pos - 1);
            if (one.get(0) == '\n') break;
            pos--;
        }
        return pos;
    }

    /** Just past the last line break outside quotes (a '"' toggles; a doubled one toggles twice). */
    private static long lastCsvRecordEnd(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        boolean quoted = false;
        long end = 0;
        long pos = 0;
        for (int n; (n = ch.read(buf.clear(), pos)) > 0; pos += n) {
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b == '"') quoted = !quoted;
                else if (b == '\n' && !quoted) end = pos + i + 1;
            }
        }
        return end;
    }

    private static String firstLine(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l = r.readLine();
            return l == null ? "" : l;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    public Path file() {
        return file;
    }

    /** Appends one record and its line break in a single write (line breaks inside: CSV quoted fields only). */
    public synchronized void append(String record) throws IOException {
        if (!csv && record.indexOf('\n') >= 0) throw new IllegalArgumentException("record contains a line break");
        ByteBuffer buf = ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) ch.write(buf);
    }

    /** Forces written lines to the disk at most every {@code intervalMillis} (power-cut safety without a sync per line). */
    public synchronized void syncEvery(long intervalMillis) throws IOException {
        long now = System.nanoTime();
        if (now - lastSync >= intervalMillis * 1_000_000L) {
            ch.force(false);
            lastSync = now;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!ch.isOpen()) return;
        try {
            ch.force(true);
        } finally {
            ch.close();
        }
    }
}
