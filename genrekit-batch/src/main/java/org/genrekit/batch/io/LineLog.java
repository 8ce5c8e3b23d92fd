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
 * An append-only text file of complete lines. Each line goes to the operating system in one
 * write as soon as it is added, so a killed JVM loses nothing already added; a line torn by a
 * power cut or a full disk is cut off when the file is opened again ({@link #repairTail}).
 */
public final class LineLog implements Closeable {
    private final Path file;
    private final FileChannel ch;
    private long lastSync = System.nanoTime();

    private LineLog(Path file, FileChannel ch) {
        this.file = file;
        this.ch = ch;
    }

    /**
     * Opens {@code file} for appending, creating it with {@code header} (may be null) when it is
     * new or empty. An existing file must start with the same header.
     */
    public static LineLog open(Path file, String header) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        repairTail(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        LineLog log = new LineLog(file, ch);
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

    /** Cuts an unterminated last line (a torn write) off {@code file}; returns the bytes removed. */
    public static long repairTail(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) return 0;
            ByteBuffer one = ByteBuffer.allocate(1);
            long pos = size;
            // walk back to the last newline; torn tails are short (one record), so this is cheap
            while (pos > 0) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') break;
                pos--;
            }
            if (pos < size) {
                ch.truncate(pos);
                ch.force(true);
            }
            return size - pos;
        }
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

    /** Appends one line (no line break inside) in a single write. */
    public synchronized void append(String line) throws IOException {
        if (line.indexOf('\n') >= 0) throw new IllegalArgumentException("line contains a line break");
        ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
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
