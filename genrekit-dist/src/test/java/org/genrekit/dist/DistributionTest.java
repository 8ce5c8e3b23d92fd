package org.genrekit.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it: unpacked into an empty folder and run with HOME set
 * to another empty folder (so {@code ~/.m2} and every cache of the build machine are out of
 * reach), with only a Java runtime. Runs after {@code package} (mvn verify; bin/test) on the
 * archive the build made, so nothing is rebuilt here.
 */
class DistributionTest {
    private static final Pattern ANSWER = Pattern.compile("^(.+): ([a-z]+) ([01]\\.\\d{3}), ([a-z]+) ([01]\\.\\d{3}), ([a-z]+) ([01]\\.\\d{3})$");

    @TempDir
    static Path tmp;
    static Path unpacked;

    @BeforeAll
    static void unpack() throws Exception {
        String archive = System.getProperty("genrekit.dist.archive");
        assumeTrue(archive != null && Files.isRegularFile(Path.of(archive)),
                "no distribution archive (built by genrekit-dist's package phase; -Dgenrekit.dist.archive=false skips it): " + archive);
        Path into = Files.createDirectories(tmp.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive, "-C", into.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor(), "tar -xzf " + archive);
        try (Stream<Path> s = Files.list(into)) {
            List<Path> top = s.toList();
            assertEquals(1, top.size(), "one top folder in the archive: " + top);
            unpacked = top.get(0);
        }
    }

    @Test
    void hasTheLayoutUsersAreToldAbout() throws IOException {
        assertTrue(Files.isExecutable(unpacked.resolve("bin/genrekit")), "bin/genrekit is executable");
        for (String f : List.of("README.md", "LICENSE", "licenses/THIRD-PARTY.md", "lib/classpath")) {
            assertTrue(Files.isRegularFile(unpacked.resolve(f)), f);
        }
        String cp = Files.readString(unpacked.resolve("lib/classpath")).strip();
        for (String jar : cp.split(":")) {
            assertTrue(Files.isRegularFile(unpacked.resolve("lib").resolve(jar)), "lib/" + jar + " named in lib/classpath");
            assertFalse(jar.contains("/"), "lib/classpath names jars in lib/ only: " + jar);
            assertFalse(jar.startsWith("spark-"), "Spark is not part of the CLI distribution: " + jar);
        }
        assertTrue(cp.contains("genrekit-cli-"), cp);
    }

    /**
     * Classifies a file with the unpacked launcher, HOME pointing at an empty folder and Maven's
     * repository pointing nowhere; every class must come from the unpacked lib/ or the Java
     * runtime, and the AOT cache made at build time must be accepted where the archive was
     * unpacked (-XX:AOTMode=on makes the JVM fail otherwise).
     */
    @Test
    void classifiesWithNothingButAJavaRuntime() throws Exception {
        Path audio = audioFile();
        Path classLog = tmp.resolve("classes.log");
        boolean aot = Files.isRegularFile(unpacked.resolve("lib/genrekit.aot"));
        Run r = run(List.of("classify", audio.toString()), "-Xlog:class+load=info:file=" + classLog + (aot ? " -XX:AOTMode=on" : ""));
        assertEquals(0, r.code, "exit code; stderr:\n" + r.err);

        Matcher m = ANSWER.matcher(r.out.strip());
        assertTrue(m.matches(), "one line 'FILE: genre p, genre p, genre p', got:\n" + r.out);
        assertEquals(audio.toString(), m.group(1));
        double p1 = Double.parseDouble(m.group(3));
        assertTrue(p1 >= Double.parseDouble(m.group(5)) && p1 > 0.1, r.out);
        if (audio.getFileName().toString().startsWith("rock.")) {
            assertEquals("rock", m.group(2), "the built-in model's answer for a GTZAN rock clip: " + r.out);
        }
        // The built-in model is used (HOME is empty, so no backbone): stderr says so, and nothing else.
        for (String line : r.err.strip().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("genrekit: using the built-in gtzan58 model"), "unexpected stderr line: " + line);
        }

        List<String> sources = new ArrayList<>();
        for (String line : Files.readAllLines(classLog)) {
            int at = line.indexOf(" source: ");
            if (at >= 0) sources.add(line.substring(at + 9));
        }
        assertTrue(sources.size() > 1000, "the class-load log has the classes: " + sources.size());
        if (aot) {
            // picocli is compiled for Java 5; the build re-emits its classes so that the cache holds them.
            String picocli = Files.readAllLines(classLog).stream().filter(l -> l.contains(" picocli.CommandLine ")).findFirst().orElse("");
            assertTrue(picocli.contains("source: shared objects file"), "picocli.CommandLine comes from the AOT cache: " + picocli);
        }
        String lib = unpacked.resolve("lib").toUri().getPath();
        for (String s : sources) {
            assertFalse(s.contains(".m2"), "a class from a Maven repository: " + s);
            if (s.startsWith("file:") || s.startsWith("jar:file:")) {
                assertTrue(s.contains(lib), "a class from outside the unpacked lib/: " + s);
            }
        }
    }

    /**
     * batch writing Parquet: Hadoop's shaded Guava calls sun.misc.Unsafe, which JDK 25 reports in
     * three WARNING lines unless the launcher allows it (--sun-misc-unsafe-memory-access=allow).
     */
    @Test
    void batchWritesParquetWithoutUnsafeWarnings() throws Exception {
        Path out = tmp.resolve("results.parquet");
        Run r = run(List.of("batch", audioFile().toString(), "--out", out.toString()), "");
        assertEquals(0, r.code, "exit code; stderr:\n" + r.err);
        assertTrue(Files.size(out) > 0, "the Parquet file is written");
        assertFalse(r.err.contains("sun.misc.Unsafe"), "stderr:\n" + r.err);
        assertFalse(r.err.contains("WARNING"), "stderr:\n" + r.err);
    }

    /** Every command's help renders (picocli's classes as the build re-emitted them) and nothing goes to stderr. */
    @Test
    void helpOfEveryTopLevelCommand() throws Exception {
        Run r = run(List.of("--help"), "");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("classify") && r.out.contains("features") && r.out.contains("serve"), r.out);
        assertEquals("", r.err.strip());
        Run v = run(List.of("--version"), "");
        assertEquals(0, v.code, v.err);
        assertTrue(v.out.startsWith("genrekit "), v.out);
    }

    private record Run(int code, String out, String err) {
    }

    /**
     * Runs the unpacked bin/genrekit with HOME set to an empty folder, no GENREKIT_ or Maven
     * variables, and Maven's repository pointing nowhere.
     */
    private static Run run(List<String> args, String javaOpts) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<String> cmd = new ArrayList<>();
        cmd.add(unpacked.resolve("bin/genrekit").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("MAVEN") || k.startsWith("GENREKIT_") || k.equals("CLASSPATH")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        env.put("HOME", home.toString());
        env.put("GENREKIT_JAVA_HOME", System.getProperty("java.home"));
        env.put("GENREKIT_PROGRESS", "never");
        env.put("GENREKIT_JAVA_OPTS", ("-Xmx4g -Dmaven.repo.local=" + tmp.resolve("no-such-repository") + " " + javaOpts).strip());
        Path errFile = Files.createTempFile(tmp, "stderr", ".txt");
        Process p = pb.redirectError(errFile.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", args) + " finished");
        return new Run(p.exitValue(), out, Files.readString(errFile));
    }

    /** A real 30 s GTZAN MP3 when ../shared is there, else a synthetic chord sequence as WAV. */
    private static Path audioFile() throws IOException {
        String shared = System.getProperty("genrekit.shared");
        if (shared != null) {
            Path rock = Path.of(shared, "data", "gtzan-3genres", "rock", "rock.00000.mp3");
            if (Files.isRegularFile(rock)) return rock.toAbsolutePath().normalize();
        }
        Path wav = tmp.resolve("chords.wav");
        int sr = 22050;
        int n = sr * 10;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 2 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(sr).putInt(2 * sr).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
        double[] f = {220, 277.2, 329.6};
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (double x : f) v += 0.2 * Math.sin(2 * Math.PI * x * i / sr);
            b.putShort((short) (v * 32767 * 0.8));
        }
        Files.write(wav, b.array());
        return wav;
    }
}
