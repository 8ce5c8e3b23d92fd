package org.genrekit.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A features extract stopped with Ctrl-C or SIGTERM left its .TABLE.csv.tmp behind before the fix. */
class FeatureTableWriterKillTest {
    @TempDir
    Path dir;

    @Test
    void aTerminatedRunLeavesNoTemporaryFile() throws Exception {
        Path table = dir.resolve("t.csv");
        Path tmp = FeatureTableWriter.tempPath(table);
        assertEquals(dir.resolve(".t.csv.tmp").toAbsolutePath(), tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TableWriterKillChild.class.getName(), table.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("READY", r.readLine());
            assertTrue(Files.exists(tmp), "the child is writing its temporary file");
            p.destroy(); // SIGTERM, as Ctrl-C or a service manager stops a run
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertFalse(Files.exists(tmp), "the temporary table is deleted on the way out");
        assertFalse(Files.exists(table), "no half table under the real name");
    }

    @Test
    void afterASigkillTheNextRunReplacesTheStaleTemporaryFile() throws Exception {
        Path table = dir.resolve("t.csv");
        Path tmp = FeatureTableWriter.tempPath(table);
        Files.writeString(tmp, "half a table from a killed run");
        try (FeatureTableWriter w = new FeatureTableWriter(table, List.of("a"))) {
            w.write("x.wav", new float[] {1}, "rock");
            w.commit();
        }
        assertFalse(Files.exists(tmp));
        assertEquals(List.of("filename,a,label", "x.wav,1.0,rock"), Files.readAllLines(table));
        Path errors = FeatureTableWriter.errorsPath(table);
        FeatureTableWriter.writeAtomically(errors, "filename,path,reason,detail\n");
        assertFalse(Files.exists(FeatureTableWriter.tempPath(errors)));
    }
}
