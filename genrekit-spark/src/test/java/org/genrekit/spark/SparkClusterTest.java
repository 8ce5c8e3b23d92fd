package org.genrekit.spark;

import org.genrekit.core.hash.Sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.genrekit.batch.BatchOptions;
import org.genrekit.batch.BatchProgress;
import org.genrekit.batch.BatchRunner;
import org.genrekit.batch.ClassifyProcessor;
import org.genrekit.batch.Inputs;
import org.genrekit.models.bundle.ModelBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real multi-JVM cluster: {@code local-cluster[2,1,1024]} (a standalone master and
 * two workers, each starting an executor JVM of 1 core and 1 GB) from the project's Spark home,
 * submitted with spark-submit and the application jars, as bin/genrekit-spark does. A model given
 * as a file must reach the executors (Spark 4 isolates SQL jobs from addFile'd files); the output
 * must equal local mode's and batch's, line by line.
 */
class SparkClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SPARK_ONLY = List.of("error_reason", "error", "model", "model_version", "model_sha256",
            "mp3_decoder", "resampler");

    @Test
    void aModelFileRunsOnTwoExecutorJvmsAndGivesLocalModesAndBatchsLines(@TempDir Path tmp) throws Exception {
        Path shared = LocalSpark.shared("gtzan-3genres");
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String g : List.of("classical", "jazz", "rock")) {
            Files.copy(shared.resolve(g + "/" + g + ".00000.mp3"), in.resolve(g + ".00000.mp3"));
        }
        GenreSparkJobTest.corrupt(in.resolve("corrupt.mp3"));
        byte[] bundle;
        try (InputStream s = ModelBundles.class.getResourceAsStream(ModelBundles.DEFAULT_RESOURCE)) {
            bundle = s.readAllBytes();
        }
        Path model = Files.write(tmp.resolve("mymodel.gkm"), bundle);
        Path sparkHome = TestSparkHome.home();
        List<Path> jars = TestSparkHome.appJars(sparkHome, tmp.resolve("app"));

        // the cluster: spark-submit in client mode, the driver a child JVM, two executor JVMs
        Path clusterOut = tmp.resolve("cluster");
        List<String> cmd = new ArrayList<>(List.of(sparkHome.resolve("bin/spark-submit").toString(),
                "--master", "local-cluster[2,1,1024]",
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0", // both executors take tasks
                // Kryo, the stricter serializer: the broadcasts (model bytes, Hadoop settings) cross JVMs with it
                "--conf", "spark.serializer=org.apache.spark.serializer.KryoSerializer",
                "--conf", "spark.executorEnv.GENREKIT_HOME=" + tmp.resolve("home"),
                "--driver-java-options", "-Dgenrekit.home=" + tmp.resolve("home"),
                "--class", SparkMain.class.getName(),
                "--jars", jars.stream().skip(1).map(Path::toString).collect(Collectors.joining(",")),
                jars.get(0).toString(),
                "--model", model.toString(), "--format", "jsonl", "--input", in.toString(), "--out", clusterOut.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Path log = tmp.resolve("cluster.log");
        List<Path> appsBefore = apps(sparkHome);
        int rc = ChildJvm.run(pb, log, 400);
        List<Path> app = apps(sparkHome);
        app.removeAll(appsBefore);
        for (Path a : app) deleteJars(a); // each executor keeps a copy of every shipped jar (~170 MB); its logs stay
        assertEquals(3, rc, () -> "exit 3: done, one file failed\n" + tail(log));
        assertTrue(ChildJvm.genrekitLines(log).contains("genrekit-spark: summary written to file:" + clusterOut.resolve(OutputFolder.SUMMARY)), () -> tail(log));
        JsonNode summary = JSON.readTree(clusterOut.resolve(OutputFolder.SUMMARY).toFile());
        assertEquals(3, summary.get("ok").asInt());
        assertEquals(1, summary.get("failed").asInt());
        assertEquals(Sha256.hexOf(bundle), summary.at("/model/sha256").asText());

        // two executor JVMs did the work, each saying once which natives it uses
        assertEquals(1, app.size(), "one application in the workers' folder SPARK_HOME/work: " + app);
        List<Path> executorLogs;
        try (Stream<Path> s = Files.walk(app.get(0))) {
            executorLogs = s.filter(p -> p.getFileName().toString().equals("stderr")).toList();
        }
        assertEquals(2, executorLogs.size(), executorLogs::toString);
        for (Path e : executorLogs) {
            long said = Files.readAllLines(e).stream().filter(l -> l.contains("genrekit-spark executor")).count();
            assertEquals(1, said, e + " should say once which MP3 decoder and resampler it uses");
        }

        // the same job in local mode, in this JVM
        Path localOut = tmp.resolve("local");
        DriverModel dm = DriverModel.of("mymodel.gkm", bundle);
        ClassifierSource src = dm.ship(JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()));
        new GenreSparkJob(LocalSpark.session(), new SparkJobConfig(List.of(in.toString()), null, localOut.toString(), null, 2000,
                OutputFormat.JSONL, false), src).run();

        Map<String, ObjectNode> cluster = byPath(OutputFormatsTest.lines(clusterOut, ".json"));
        Map<String, ObjectNode> local = byPath(OutputFormatsTest.lines(localOut, ".json"));
        assertEquals(4, cluster.size());
        assertEquals(withoutMillis(local), withoutMillis(cluster), "local-cluster and local[2] write the same lines");
        for (ObjectNode o : cluster.values()) assertEquals(Sha256.hexOf(bundle), o.get("model_sha256").asText());

        // and batch, with the same model file, writes the same lines (Spark's extra columns aside)
        Path batchOut = tmp.resolve("batch.jsonl");
        new BatchRunner(new ClassifyProcessor(ModelBundles.load(model), null), BatchOptions.defaults().withThreads(2), false)
                .run(Inputs.of(List.of(in.toString())), batchOut, BatchProgress.NONE);
        Map<String, ObjectNode> batch = byPath(Files.readAllLines(batchOut));
        assertEquals(3, batch.size());
        for (var e : batch.entrySet()) {
            ObjectNode spark = cluster.get(e.getKey()).deepCopy();
            spark.remove(SPARK_ONLY);
            spark.remove("millis");
            ObjectNode b = e.getValue().deepCopy();
            b.remove("millis");
            assertEquals(b.toString(), spark.toString(), e.getKey());
        }
        List<String> failures = Files.readAllLines(tmp.resolve("batch.jsonl.failures.csv"));
        assertEquals(2, failures.size(), failures::toString);
        List<String> f = OutputFormatsTest.fields(failures.get(1));
        JsonNode bad = cluster.get(f.get(0));
        assertEquals(f.get(2), bad.get("error_reason").asText());
        assertEquals(f.get(3), bad.get("error").asText());
    }

    /** The applications local-cluster workers ran, each a folder of executor folders (their logs and fetched jars). */
    private static List<Path> apps(Path sparkHome) throws java.io.IOException {
        Path work = sparkHome.resolve("work");
        if (!Files.isDirectory(work)) return new ArrayList<>();
        try (Stream<Path> s = Files.list(work)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith("app-")).toList());
        }
    }

    private static void deleteJars(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jar")).toList()) Files.delete(p);
        }
    }

    private static Map<String, ObjectNode> byPath(List<String> lines) throws Exception {
        Map<String, ObjectNode> m = new TreeMap<>();
        for (String l : lines) {
            ObjectNode o = (ObjectNode) JSON.readTree(l);
            m.put(o.get("path").asText(), o);
        }
        return m;
    }

    private static Map<String, String> withoutMillis(Map<String, ObjectNode> rows) {
        Map<String, String> m = new TreeMap<>();
        rows.forEach((k, v) -> {
            ObjectNode c = v.deepCopy();
            c.remove("millis");
            m.put(k, c.toString());
        });
        return m;
    }

    private static String tail(Path log) {
        try {
            return ChildJvm.tail(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
