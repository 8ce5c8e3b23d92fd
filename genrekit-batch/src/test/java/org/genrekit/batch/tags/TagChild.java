package org.genrekit.batch.tags;

import java.nio.file.Path;

/** Child JVM for the kill test: {@code TagChild FILE STAGE}; tags FILE and hangs at STAGE until killed. */
public final class TagChild {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        SafeTagWriter.Stage stop = SafeTagWriter.Stage.valueOf(args[1]);
        SafeTagWriter w = new SafeTagWriter(new TagOptions(TagPolicy.REPLACE, true, false), (stage, temp) -> {
            if (stage == stop) {
                System.out.println("PAUSED " + stage);
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        w.apply(w.plan(file, "jazz", 0.5));
        System.out.println("DONE");
    }
}
