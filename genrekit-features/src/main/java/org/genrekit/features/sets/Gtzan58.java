package org.genrekit.features.sets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.dsp.ComplexSpectrogram;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;
import org.genrekit.features.hpss.Hpss;
import org.genrekit.features.rhythm.OnsetStrength;
import org.genrekit.features.rhythm.Tempo;
import org.genrekit.features.spectral.ChromaStft;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.Mfcc;
import org.genrekit.features.spectral.PowerToDb;
import org.genrekit.features.spectral.Rms;
import org.genrekit.features.spectral.SpectralBandwidth;
import org.genrekit.features.spectral.SpectralCentroid;
import org.genrekit.features.spectral.SpectralRolloff;
import org.genrekit.features.spectral.Stats;
import org.genrekit.features.spectral.ZeroCrossingRate;

/**
 * The 58 features of the Kaggle GTZAN {@code features_30_sec.csv}, computed as librosa 0.11 does
 * with its defaults at 22050 Hz: length (samples); mean and variance of chroma_stft, rms, spectral
 * centroid, bandwidth, rolloff, zero-crossing rate, the harmonic and percussive time signals of
 * {@code effects.hpss}; the beat tracker's tempo; mean and variance of 20 MFCCs. Variances are
 * population variances (numpy's). One complex STFT is computed and shared by everything
 * spectral. Immutable and thread-safe.
 */
public final class Gtzan58 implements FeatureSet {
    public static final int SAMPLE_RATE = 22050;
    private static final List<String> COLUMNS = buildColumns();

    static final int COLUMN_COUNT = COLUMNS.size();
    /**
     * Frames per chunk of the streamed computation (~24 s; ~50 MB of buffers). A signal of at most
     * this many frames is computed whole, as it always was.
     */
    static final int CHUNK_FRAMES = 1024;
    /** Signals up to this long are computed whole (~120 MB of arrays), as they always were; longer ones in chunks. */
    public static final double WHOLE_SECONDS = 60;

    private final FeatureRecipe recipe;
    final Stft stft = Stft.defaults();
    final MelSpectrogram mel = MelSpectrogram.defaults(SAMPLE_RATE);
    final Mfcc mfcc = new Mfcc(mel, 20);
    final ChromaStft chroma = ChromaStft.defaults(SAMPLE_RATE);
    final SpectralCentroid centroid = SpectralCentroid.defaults(SAMPLE_RATE);
    final SpectralBandwidth bandwidth = SpectralBandwidth.defaults(SAMPLE_RATE);
    final SpectralRolloff rolloff = SpectralRolloff.defaults(SAMPLE_RATE);
    final ZeroCrossingRate zcr = ZeroCrossingRate.defaults();
    final Rms rms = Rms.defaults();
    final Hpss hpss = Hpss.defaults();
    final OnsetStrength onset = new OnsetStrength(mel, 1, OnsetStrength.Aggregate.MEDIAN);
    final Tempo tempo = Tempo.defaults(SAMPLE_RATE);

    public Gtzan58() {
        this(FeatureRecipe.of("gtzan58"));
    }

    /** The recipe takes no parameters: the table's definition is fixed. */
    public Gtzan58(FeatureRecipe recipe) {
        if (!recipe.name().equals("gtzan58")) throw new IllegalArgumentException("not a gtzan58 recipe: " + recipe.id());
        for (Map.Entry<String, String> e : recipe.params().entrySet()) {
            boolean ok = switch (e.getKey()) {
                case "sr" -> e.getValue().equals("22050");
                case "n_fft" -> e.getValue().equals("2048");
                case "hop_length" -> e.getValue().equals("512");
                default -> false;
            };
            if (!ok) throw new IllegalArgumentException("gtzan58 has fixed parameters (sr=22050, n_fft=2048, hop_length=512); got " + e.getKey() + "=" + e.getValue());
        }
        this.recipe = recipe;
    }

    private static List<String> buildColumns() {
        List<String> c = new ArrayList<>();
        c.add("length");
        for (String f : List.of("chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
                "zero_crossing_rate", "harmony", "perceptr")) {
            c.add(f + "_mean");
            c.add(f + "_var");
        }
        c.add("tempo");
        for (int i = 1; i <= 20; i++) {
            c.add("mfcc" + i + "_mean");
            c.add("mfcc" + i + "_var");
        }
        return Collections.unmodifiableList(c);
    }

    @Override
    public FeatureRecipe recipe() {
        return recipe;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public LoadOptions loadOptions() {
        return LoadOptions.atRate(SAMPLE_RATE);
    }

    @Override
    public float[] extract(Signal signal) {
        return toFloat(extractDouble(signal));
    }

    /**
     * Streams the signal twice ({@link Gtzan58Stream}) instead of holding it: hours of audio in
     * bounded memory, equal to the whole computation up to variance rounding (~1e-12).
     */
    @Override
    public float[] extract(SignalSource source) throws AudioDecodeException {
        return toFloat(extractDouble(source));
    }

    /** {@link #extract(SignalSource)} in double precision: a file of at most {@link #WHOLE_SECONDS} is decoded once and computed whole. */
    public double[] extractDouble(SignalSource source) throws AudioDecodeException {
        Signal shortOne = source.wholeIfAtMost(WHOLE_SECONDS);
        if (shortOne != null) return extractDouble(shortOne);
        return new Gtzan58Stream(this, CHUNK_FRAMES).extract(source);
    }

    /** As {@link #extractDouble(SignalSource)} with chunks of {@code chunkFrames} frames (tests). */
    double[] extractDouble(SignalSource source, int chunkFrames) throws AudioDecodeException {
        return new Gtzan58Stream(this, chunkFrames).extract(source);
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    /**
     * The vector in double precision (as the golden table stores it): whole for up to
     * {@link #WHOLE_SECONDS}, chunk by chunk beyond (a 10-minute signal computed whole needs ~1.2
     * GB of spectrogram-sized arrays; chunked, ~50 MB).
     */
    public double[] extractDouble(Signal signal) {
        SignalChecks.samplesAt(signal, SAMPLE_RATE);
        if (signal.durationSeconds() <= WHOLE_SECONDS) return extractWhole(signal);
        try {
            return extractDouble(SignalSource.of(signal));
        } catch (AudioDecodeException e) {
            throw new IllegalStateException("a signal in memory cannot fail to decode", e);
        }
    }

    /** The whole computation: every spectrogram of the signal held at once (the reference the chunks equal). */
    public double[] extractWhole(Signal signal) {
        float[] y = SignalChecks.samplesAt(signal, SAMPLE_RATE);
        if (y.length < 1) throw new IllegalArgumentException("signal is empty");
        ComplexSpectrogram d = stft.complex(y);
        FrameMatrix power = d.power();
        FrameMatrix mag = d.magnitude();
        double[] out = new double[COLUMNS.size()];
        int i = 0;
        out[i++] = y.length;
        i = putMeanVar(out, i, chroma.fromPower(power).data());
        i = putMeanVar(out, i, rms.compute(y));
        double[] cent = centroid.fromMagnitude(mag);
        i = putMeanVar(out, i, cent);
        i = putMeanVar(out, i, bandwidth.fromMagnitude(mag, cent));
        i = putMeanVar(out, i, rolloff.fromMagnitude(mag));
        i = putMeanVar(out, i, zcr.compute(y));
        // The percussive signal is y minus the harmonic one (the masks sum to one): one inverse STFT, not two.
        float[] harmonic = hpss.harmonic(y, stft, d, mag);
        float[] percussive = new float[y.length];
        for (int k = 0; k < y.length; k++) percussive[k] = y[k] - harmonic[k];
        i = putMeanVar(out, i, harmonic);
        i = putMeanVar(out, i, percussive);
        FrameMatrix melPower = mel.fromSpectrogram(power);
        // Onset strength and MFCC both start from power_to_db(mel) with the defaults: once.
        FrameMatrix melDb = PowerToDb.defaults().apply(melPower);
        out[i++] = tempo.fromOnsetEnvelope(onset.fromMelDb(melDb));
        FrameMatrix m = mfcc.fromDb(melDb);
        for (int k = 0; k < 20; k++) i = putMeanVar(out, i, m.row(k));
        return out;
    }

    private static int putMeanVar(double[] out, int i, float[] v) {
        out[i] = Stats.mean(v);
        out[i + 1] = Stats.var(v);
        return i + 2;
    }

    private static int putMeanVar(double[] out, int i, double[] v) {
        out[i] = Stats.mean(v);
        out[i + 1] = Stats.var(v);
        return i + 2;
    }
}
