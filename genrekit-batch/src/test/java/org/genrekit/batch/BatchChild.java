package org.genrekit.batch;

import java.nio.file.Path;

/** Child JVM for the kill test: {@code BatchChild FOLDER OUT SLEEP_MS THREADS}; runs until done or killed. */
public final class BatchChild {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path out = Path.of(args[1]);
        BatchRunner runner = new BatchRunner(new HashProcessor(Long.parseLong(args[2])),
                BatchOptions.defaults().withThreads(Integer.parseInt(args[3])).withResume(true, false).withParts(5, 0.5), false);
        runner.run(new FolderItems(folder, p -> p.toString().endsWith(".mp3")), out, BatchProgress.NONE);
    }
}
