package org.genrekit.batch.tags;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/** Audio files for tag tests, copied from ../shared into a temp folder; FLAC and M4A are encoded with FFmpeg's own program from the bytedeco jar. */
final class Fixtures {
    private Fixtures() {
    }

    static Path shared() {
        String s = System.getProperty("genrekit.shared");
        Path p = s == null ? null : Path.of(s);
        assumeTrue(p != null && Files.isDirectory(p.resolve("golden/audio")), "../shared not found (system property genrekit.shared); skipping");
        return p;
    }

    static Path mp3(Path dir) throws IOException {
        return copy(shared().resolve("golden/audio/g_music.mp3"), dir.resolve("music.mp3"));
    }

    static Path ogg(Path dir) throws IOException {
        return copy(shared().resolve("data/ood/librosa/choice.ogg"), dir.resolve("choice.ogg"));
    }

    static Path flac(Path dir) throws IOException, InterruptedException {
        return encode(dir.resolve("music.flac"), "-c:a", "flac");
    }

    static Path m4a(Path dir) throws IOException, InterruptedException {
        return encode(dir.resolve("music.m4a"), "-c:a", "aac", "-b:a", "96k");
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        to.toFile().setWritable(true);
        return to;
    }

    /** 6 s of the golden music clip, encoded by the ffmpeg executable that ships in the bytedeco jar. */
    private static Path encode(Path out, String... codec) throws IOException, InterruptedException {
        Path wav = shared().resolve("golden/audio/g_music.wav");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", wav.toString(), "-t", "6"));
        cmd.addAll(java.util.List.of(codec));
        cmd.add(out.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the program needs the libraries unpacked beside it (libva etc.), which the system lacks
        pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ffmpeg failed: " + log);
        return out;
    }
}
