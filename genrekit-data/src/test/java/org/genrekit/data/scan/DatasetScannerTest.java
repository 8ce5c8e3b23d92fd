package org.genrekit.data.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.genrekit.data.Shared;
import org.genrekit.data.source.FolderSource;
import org.genrekit.data.source.GtzanSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScannerTest {
    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    @Test
    void gtzanThreeGenres() throws Exception {
        GtzanSource src = new GtzanSource(Shared.data("gtzan-3genres"));
        var o = new DatasetScanner.Options(false, 4, DatasetScanner.defaultMinSeconds(src));
        List<ScanResult> rs = DatasetScanner.scan(src, o);
        assertTrue(rs.stream().allMatch(ScanResult::ok));
        Map<String, Integer> counts = DatasetScanner.stats(rs).stream()
                .collect(Collectors.toMap(DatasetScanner.LabelStats::label, DatasetScanner.LabelStats::tracks));
        assertEquals(Map.of("classical", 68, "jazz", 59, "rock", 68, "all", 195), counts);
        String out = DatasetScanner.report(src.name(), rs, o, 1.0);
        assertTrue(out.contains("sample rates: 22050 Hz (195)"), out);
        assertTrue(out.contains("unreadable: 0, too short (< 28.50 s): 0"), out);
    }

    @Test
    void zeroByteTruncatedAndShortFilesAreReportedNotFatal(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("pop"));
        byte[] wav = Files.readAllBytes(Shared.data("gtzan-mini/pop/pop.00000.wav"));
        Files.write(a.resolve("good.wav"), wav);
        Files.write(a.resolve("zero.wav"), new byte[0]);
        Files.write(a.resolve("truncated.wav"), Arrays.copyOf(wav, wav.length / 3));
        FolderSource src = new FolderSource(dir);
        List<ScanResult> deep = DatasetScanner.scan(src, new DatasetScanner.Options(true, 2, 20));
        Map<String, String> problem = deep.stream().collect(Collectors.toMap(r -> r.track().id(), r -> String.valueOf(r.problem())));
        assertEquals(Map.of("good", "null", "zero", "EMPTY_FILE", "truncated", "TRUNCATED"), problem);
        List<ScanResult> head = DatasetScanner.scan(src, new DatasetScanner.Options(false, 2, 20));
        assertEquals("TOO_SHORT", head.stream().filter(r -> r.track().id().equals("truncated")).findFirst().orElseThrow().problem(),
                "the header scan sees the short data as a short file");
        Path csv = dir.resolve("p.csv");
        DatasetScanner.writeProblems(csv, deep);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("file,stage,error_type,message,id,label,duration_s", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(a.resolve("zero.wav") + ",scan,EMPTY_FILE,")), lines.toString());
    }

    @Test
    void anErrorOnOneFileIsThatFilesProblemNotTheScans(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("rock"));
        for (String n : List.of("a", "b", "c")) Files.write(a.resolve(n + ".wav"), new byte[] {1});
        FolderSource src = new FolderSource(dir);
        // Before the fix, an OutOfMemoryError from one deep decode aborted the whole scan ("scan failed").
        List<ScanResult> rs = DatasetScanner.scan(src, new DatasetScanner.Options(true, 2, 0), (t, o) -> {
            if (t.id().equals("b")) throw new OutOfMemoryError("Java heap space");
            return new ScanResult(t, null, "", 22050, 1, 30, "pcm_s16le");
        });
        Map<String, String> problem = rs.stream().collect(Collectors.toMap(r -> r.track().id(), r -> String.valueOf(r.problem())));
        assertEquals(Map.of("a", "null", "b", "OUT_OF_MEMORY", "c", "null"), problem);
        assertTrue(rs.stream().filter(r -> !r.ok()).findFirst().orElseThrow().detail().contains("ran out of memory"));
    }
}
