package org.genrekit.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.genrekit.models.ModelIdentity;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.result.GenreResult;

/**
 * A deterministic stand-in for decode + model in runner tests: probabilities come from the file's
 * SHA-256, a file whose content starts with "BAD" fails like a corrupt file, and each file can
 * take a fixed time so that a run can be killed in the middle.
 */
final class HashProcessor implements TrackProcessor {
    static final List<String> LABELS = List.of("jazz", "rock", "classical");
    static final ModelIdentity MODEL = new ModelIdentity("hash", "1.0", "ab".repeat(32));
    private final long sleepMillis;

    HashProcessor(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public ModelIdentity model() {
        return MODEL;
    }

    @Override
    public List<String> featureColumns() {
        return List.of("h0", "h1");
    }

    @Override
    public String describe() {
        return "hash";
    }

    static double[] probabilities(byte[] content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
            double[] p = new double[LABELS.size()];
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = 1 + (d[i] & 0xff);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) p[i] /= sum;
            return p;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public TrackResult process(BatchItem item) {
        long t0 = System.nanoTime();
        try {
            if (sleepMillis > 0) Thread.sleep(sleepMillis);
            byte[] b = Files.readAllBytes(item.path());
            if (b.length >= 3 && b[0] == 'B' && b[1] == 'A' && b[2] == 'D') {
                return TrackResult.failure(item, "decode", "NOT_AUDIO", item.path() + ": not audio", (System.nanoTime() - t0) / 1e6);
            }
            Prediction p = new Prediction(LABELS, probabilities(b), 1, List.of(), 0, 0);
            GenreResult r = new GenreResult(item.key(), p, MODEL, TrackPolicy.DEFAULT.withWindow(30, 30), b.length / 100.0, 0, 2);
            return TrackResult.success(item, r, new float[] {b.length, b[0]}, b.length / 100.0, (System.nanoTime() - t0) / 1e6);
        } catch (IOException e) {
            return TrackResult.failure(item, "read", "IO_ERROR", e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrackResult.failure(item, "read", "INTERRUPTED", "interrupted", 0);
        }
    }
}
