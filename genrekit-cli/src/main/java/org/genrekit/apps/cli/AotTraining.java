package org.genrekit.apps.cli;

import org.genrekit.core.io.Trees;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training run of the JVM's ahead-of-time cache (JEP 483/514/515), run by the distribution's
 * build with {@code -XX:AOTCacheOutput}: what the commands users run most do, on synthetic music
 * made here (no data set needed), so that the cache holds their classes, linked, and the profiles
 * of their hot methods. Not a user command; prints nothing but failures.
 * <p>Usage: {@code AotTraining [AUDIO...]} (extra real files are used as well, when given).
 */
public final class AotTraining {
    private static final int SR = 22050;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("genrekit-aot-");
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int failures = 0;
        try {
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path wav = dir.resolve("mono-" + i + ".wav");
                writeWav(wav, music(SR, 30, i), SR, 1);
                files.add(wav.toString());
            }
            Path stereo = dir.resolve("stereo.wav");
            float[] left = music(44100, 30, 7);
            writeWav(stereo, interleave(left, music(44100, 30, 8)), 44100, 2);
            files.add(stereo.toString());
            Path mp3 = dir.resolve("mono.mp3");
            if (writeMp3(mp3, music(SR, 30, 9), SR)) files.add(mp3.toString());
            files.addAll(List.of(args));

            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            System.setErr(new PrintStream(errors, true));
            List<List<String>> runs = List.of(
                    List.of("classify"),
                    List.of("classify", "--json", "--segments"),
                    List.of("features", "extract", "--recipe", "gtzan58", "--out", dir.resolve("g.csv").toString()),
                    List.of("features", "extract", "--recipe", "fma518", "--out", dir.resolve("f.csv").toString()),
                    List.of("classify"));
            for (List<String> run : runs) {
                List<String> cmd = new ArrayList<>(run);
                cmd.addAll(files);
                int code = Main.execute(cmd.toArray(String[]::new));
                if (code != 0) {
                    failures++;
                    errors.writeBytes(("AotTraining: " + String.join(" ", run) + " exited " + code + "\n").getBytes());
                }
            }
            // Not "--help": it builds every subcommand, and all their classes would be preloaded at every start.
            Main.execute("classify", "--help");
            Main.execute("--version");
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            Trees.delete(dir);
        }
        if (failures > 0) {
            realErr.print(errors);
            System.exit(1);
        }
    }

    /**
     * Seconds of something music-like: a chord sequence with harmonics, a bass line and noise
     * bursts on a beat grid, so that onset, beat, HPSS, chroma and CQT code all get real work.
     */
    static float[] music(int sr, int seconds, int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = sr * seconds;
        float[] y = new float[n];
        double bpm = 90 + 10 * seed % 60;
        int beat = (int) (sr * 60 / bpm);
        double[][] chords = {{261.6, 329.6, 392.0}, {220.0, 261.6, 329.6}, {174.6, 220.0, 261.6}, {196.0, 246.9, 293.7}};
        for (int i = 0; i < n; i++) {
            int b = i / beat;
            double[] chord = chords[(b / 4 + seed) % chords.length];
            double t = (double) i / sr;
            double v = 0;
            for (double f : chord) {
                for (int h = 1; h <= 4; h++) v += Math.sin(2 * Math.PI * f * h * t) * 0.08 / h;
            }
            v += 0.15 * Math.sin(2 * Math.PI * chord[0] / 2 * t);
            int inBeat = i % beat;
            if (inBeat < sr / 20) v += (rnd.nextDouble() * 2 - 1) * 0.3 * Math.exp(-inBeat / (sr / 200.0));
            y[i] = (float) (v * 0.8);
        }
        return y;
    }

    private static float[] interleave(float[] a, float[] b) {
        float[] out = new float[a.length * 2];
        for (int i = 0; i < a.length; i++) {
            out[2 * i] = a[i];
            out[2 * i + 1] = b[i];
        }
        return out;
    }

    /** 16-bit PCM WAV. */
    static void writeWav(Path file, float[] interleaved, int sr, int channels) throws IOException {
        int bytes = interleaved.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + bytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sr)
                .putInt(sr * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(bytes);
        for (float v : interleaved) b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        Files.write(file, b.array());
    }

    /**
     * An MP3 through libsndfile's writer (libmp3lame), so that the MP3 decoding path is trained
     * too; false when libsndfile is missing or was built without MPEG support.
     */
    static boolean writeMp3(Path file, float[] mono, int sr) {
        final int sfmWrite = 0x20;
        final int formatMp3 = 0x230000 | 0x0082; // SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III
        StructLayout info = MemoryLayout.structLayout(JAVA_LONG.withName("frames"), JAVA_INT.withName("samplerate"),
                JAVA_INT.withName("channels"), JAVA_INT.withName("format"), JAVA_INT.withName("sections"),
                JAVA_INT.withName("seekable"), MemoryLayout.paddingLayout(4));
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup lib = SymbolLookup.libraryLookup(
                    System.getProperty("genrekit.audio.sndfile.library", "libsndfile.so.1"), arena);
            Linker linker = Linker.nativeLinker();
            MethodHandle open = linker.downcallHandle(lib.findOrThrow("sf_open"),
                    FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
            MethodHandle write = linker.downcallHandle(lib.findOrThrow("sf_writef_float"),
                    FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
            MethodHandle close = linker.downcallHandle(lib.findOrThrow("sf_close"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
            MemorySegment sfInfo = arena.allocate(info);
            sfInfo.set(JAVA_INT, 8, sr);
            sfInfo.set(JAVA_INT, 12, 1);
            sfInfo.set(JAVA_INT, 16, formatMp3);
            MemorySegment handle = (MemorySegment) open.invokeExact(arena.allocateFrom(file.toString()), sfmWrite, sfInfo);
            if (handle.equals(MemorySegment.NULL)) return false;
            MemorySegment buf = arena.allocateFrom(JAVA_FLOAT, mono);
            long written = (long) write.invokeExact(handle, buf, (long) mono.length);
            int closed = (int) close.invokeExact(handle);
            return written == mono.length && closed == 0 && Files.size(file) > 0;
        } catch (Throwable t) {
            return false;
        }
    }
}
