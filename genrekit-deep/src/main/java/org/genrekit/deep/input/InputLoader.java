package org.genrekit.deep.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Failures;
import org.genrekit.data.Track;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.train.TrainingListener;

/**
 * Makes network inputs from a dataset's tracks: decodes the audio (or reads the picture) and
 * computes the recipe's plane through the cache, on several threads. A file that fails is
 * reported to the listener and left out.
 */
public final class InputLoader {
    private static final System.Logger LOG = System.getLogger(InputLoader.class.getName());
    private final SpectrogramCache cache;
    private final TrainingListener listener;
    private final int threads;

    public InputLoader(SpectrogramCache cache, TrainingListener listener, int threads) {
        this.cache = cache;
        this.listener = listener;
        this.threads = Math.max(1, threads);
    }

    /**
     * Loads every track's input; labels index into {@code labels} (-1 for a label not in it).
     *
     * @param what what the tracks are, for the listener ("train", "valid", ...)
     */
    public List<TrackInput> load(String what, List<Track> tracks, List<String> labels, InputSpec spec) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        listener.inputsStarted(what, tracks.size());
        try {
            List<Future<TrackInput>> fs = new ArrayList<>();
            String key = spec.recipe().id();
            for (Track t : tracks) {
                fs.add(pool.submit(() -> {
                    try {
                        float[][] p = cache.get(t.audio(), key);
                        if (p == null) {
                            p = spec.kind() == InputKind.IMAGE_FILE ? Planes.ofPicture(spec, t.audio())
                                    : Planes.of(spec, AudioLoader.load(t.audio(), Planes.loadOptions(spec)));
                            cache.put(t.audio(), key, p);
                        }
                        listener.inputLoaded(t.id());
                        return new TrackInput(t.id(), labels.indexOf(t.label()), p);
                    } catch (Exception e) {
                        String reason = Failures.describe(t.audio(), e);
                        LOG.log(System.Logger.Level.DEBUG, "left out " + t.id() + ": " + reason, e);
                        listener.inputFailed(t.id(), reason);
                        return null;
                    }
                }));
            }
            List<TrackInput> out = new ArrayList<>();
            for (Future<TrackInput> f : fs) {
                TrackInput t = f.get();
                if (t != null) out.add(t);
            }
            listener.inputsFinished(what, out.size(), tracks.size());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
