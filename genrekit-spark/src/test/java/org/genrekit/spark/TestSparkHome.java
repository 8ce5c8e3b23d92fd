package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The project's Spark home, assembled by {@code bin/genrekit-spark-home} (Maven resolves Spark's
 * jars; nothing is installed), and the application jars spark-submit ships beside it, made from
 * this test JVM's class path as {@code bin/genrekit-spark-app} makes them from the packaged build.
 */
final class TestSparkHome {
    private static Path home;

    private TestSparkHome() {
    }

    static Path projectRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isRegularFile(root.resolve("bin/genrekit-spark-home")), "bin/genrekit-spark-home not found above " + Path.of("").toAbsolutePath());
        return root;
    }

    /** target/test-spark-home, assembled once per test JVM. */
    static synchronized Path home() throws IOException, InterruptedException {
        if (home != null) return home;
        Path root = projectRoot();
        assumeTrue(onPath("mvn") && onPath("bash"), "mvn or bash not on the PATH: cannot assemble a Spark home; skipping");
        Path dir = Path.of("target", "test-spark-home").toAbsolutePath();
        Path log = Files.createDirectories(Path.of("target")).resolve("test-spark-home.log");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/genrekit-spark-home").toString(), dir.toString());
        pb.environment().put("GENREKIT_JAVA_HOME", System.getProperty("java.home"));
        int rc = ChildJvm.run(pb, log, 600);
        assertEquals(0, rc, () -> "bin/genrekit-spark-home failed:\n" + tail(log));
        assertTrue(Files.isRegularFile(dir.resolve("bin/spark-submit")));
        home = dir;
        return home;
    }

    private static String tail(Path log) {
        try {
            return ChildJvm.tail(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    /**
     * The jars of this test JVM's class path that the Spark home lacks (module class folders
     * jarred up, test classes left out), the first one being genrekit-spark's own: what
     * spark-submit takes as application jar and {@code --jars}. Fails when a jar both have differs
     * in version (executors would load the Spark home's).
     */
    static List<Path> appJars(Path sparkHome, Path dir) throws IOException {
        Set<String> spark = new HashSet<>();
        Map<String, String> sparkVersions = new HashMap<>();
        for (String j : Files.readAllLines(projectRoot().resolve("genrekit-spark/target/spark-jars.txt"))) {
            spark.add(j);
            Path p = Path.of(j);
            sparkVersions.put(p.getParent().getParent().toString(), p.getParent().getFileName().toString());
        }
        List<Path> out = new ArrayList<>();
        Path main = null;
        List<String> conflicts = new ArrayList<>();
        Files.createDirectories(dir);
        for (String e : ChildJvm.classPath()) {
            Path p = Path.of(e);
            if (spark.contains(e) || e.contains("test-classes")) continue;
            if (Files.isDirectory(p)) {
                // a module's target/classes: name the jar after the module
                String module = p.getParent().getParent().getFileName().toString();
                Path jar = jar(p, dir.resolve(module + ".jar"));
                if (module.equals("genrekit-spark")) main = jar;
                else out.add(jar);
                continue;
            }
            String other = sparkVersions.get(p.getParent().getParent().toString());
            if (other != null) conflicts.add(e + " (Spark home: " + other + ")");
            else out.add(p);
        }
        assertEquals(List.of(), conflicts, "genrekit-spark resolves these jars at other versions than the Spark home");
        assertTrue(main != null, "genrekit-spark's classes are not on the test class path");
        out.addFirst(main);
        return out;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
