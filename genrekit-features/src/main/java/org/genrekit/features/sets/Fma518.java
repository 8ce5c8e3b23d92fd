package org.genrekit.features.sets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Set;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.cqt.ChromaCens;
import org.genrekit.features.cqt.ChromaCqt;
import org.genrekit.features.cqt.Cqt;
import org.genrekit.features.cqt.CqtParams;
import org.genrekit.features.cqt.Tonnetz;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Stft;
import org.genrekit.features.spectral.ChromaStft;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.Mfcc;
import org.genrekit.features.spectral.PowerToDb;
import org.genrekit.features.spectral.SpectralBandwidth;
import org.genrekit.features.spectral.SpectralCentroid;
import org.genrekit.features.spectral.SpectralContrast;
import org.genrekit.features.spectral.SpectralRolloff;
import org.genrekit.features.spectral.TuningEstimator;
import org.genrekit.features.spectral.ZeroCrossingRate;

/**
 * The FMA {@code features.csv} recipe (mdeff/fma {@code features.py}, run with librosa 0.11):
 * 518 statistics named {@code feature.statistics.number}. Audio is loaded at the file's own rate
 * (sr=None) unless the recipe's {@code sr} parameter says otherwise. Exactly as features.py calls
 * librosa, the calls that are not given {@code sr} use librosa's default 22050 Hz (chroma_stft,
 * spectral centroid/bandwidth/contrast/rolloff) and chroma_cqt/chroma_cens read the 12-bin-per-
 * octave CQT with their own default of 36 bins per octave. Immutable and thread-safe.
 */
public final class Fma518 implements FeatureSet {
    public static final String NAME = "fma518";
    private static final Set<String> KNOWN_PARAMS = Set.of("sr");
    /** The sample rate librosa assumes where features.py passes none. */
    static final int LIBROSA_DEFAULT_SR = 22050;
    static final int N_FFT = 2048;
    static final int HOP = 512;

    /** (feature, rows) in FMA's column order (alphabetical by feature name). */
    static final String[] FEATURES = {"chroma_cens", "chroma_cqt", "chroma_stft", "mfcc", "rmse",
        "spectral_bandwidth", "spectral_centroid", "spectral_contrast", "spectral_rolloff", "tonnetz", "zcr"};
    static final int[] ROWS = {12, 12, 12, 20, 1, 1, 1, 7, 1, 6, 1};

    private static final List<String> COLUMNS = buildColumns();

    private final FeatureRecipe recipe;
    private final int sampleRate;
    final Cqt cqt = new Cqt(CqtParams.defaults().withHopLength(HOP).withBins(84, 12));
    final ChromaCqt chromaCqt = new ChromaCqt(HOP, CqtParams.C1_HZ, 12, 7, 36, Double.POSITIVE_INFINITY, 0.0, 0.0);
    final ChromaCens chromaCens = new ChromaCens(HOP, CqtParams.C1_HZ, 12, 7, 36, 0.0, 2.0, 41);
    final Stft stft = new Stft(N_FFT, HOP);
    final ZeroCrossingRate zcr = new ZeroCrossingRate(N_FFT, HOP, true);
    final ChromaStft chromaStft = new ChromaStft(LIBROSA_DEFAULT_SR, stft, 12, Double.NaN);
    final SpectralCentroid centroid = new SpectralCentroid(LIBROSA_DEFAULT_SR, stft);
    final SpectralBandwidth bandwidth = new SpectralBandwidth(LIBROSA_DEFAULT_SR, stft, 2.0);
    final SpectralContrast contrast = new SpectralContrast(LIBROSA_DEFAULT_SR, stft, 200.0, 6, 0.02, false);
    final SpectralRolloff rolloff = new SpectralRolloff(LIBROSA_DEFAULT_SR, stft, 0.85);
    /** MFCC (with its mel bank) per sample rate: files come at their own rates. */
    private final Map<Integer, Mfcc> mfccByRate = new ConcurrentHashMap<>();

    /**
     * @param recipe name {@code fma518}; optional parameter {@code sr}: 0 (default) for the file's
     *               own rate as FMA does, or a fixed load rate in Hz
     */
    public Fma518(FeatureRecipe recipe) {
        Objects.requireNonNull(recipe, "recipe");
        if (!recipe.name().equals(NAME)) {
            throw new IllegalArgumentException("recipe '" + recipe.id() + "' is not " + NAME);
        }
        for (String k : recipe.params().keySet()) {
            if (!KNOWN_PARAMS.contains(k)) {
                throw new IllegalArgumentException("unknown " + NAME + " parameter '" + k + "' in '" + recipe.id() + "' (known: sr)");
            }
        }
        int sr;
        try {
            sr = recipe.intParam("sr", 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sr must be an integer in '" + recipe.id() + "'", e);
        }
        if (sr < 0) throw new IllegalArgumentException("sr=" + sr + " must be 0 (the file's own rate) or a positive rate in Hz");
        this.recipe = recipe;
        this.sampleRate = sr;
    }

    public Fma518() {
        this(FeatureRecipe.of(NAME));
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
        return new LoadOptions(sampleRate, 0, 0, 0);
    }

    /**
     * Streams the signal twice ({@link Fma518Stream}) instead of holding it: hours of audio in
     * bounded memory, the same values as the whole computation.
     */
    @Override
    public float[] extract(SignalSource source) throws AudioDecodeException {
        Signal shortOne = source.wholeIfAtMost(WHOLE_SECONDS);
        if (shortOne != null) return extract(shortOne);
        return new Fma518Stream(this, CHUNK_FRAMES).extract(source);
    }

    /** As {@link #extract(SignalSource)} with chunks of {@code chunkFrames} frames (tests). */
    float[] extract(SignalSource source, int chunkFrames) throws AudioDecodeException {
        return new Fma518Stream(this, chunkFrames).extract(source);
    }

    /** Frames per chunk of the streamed computation's spectral features (~12 s at 44.1 kHz). */
    static final int CHUNK_FRAMES = 1024;
    /** Signals up to this long are computed whole, as they always were; longer ones streamed. */
    public static final double WHOLE_SECONDS = 60;

    /**
     * Whole for up to {@link #WHOLE_SECONDS} (the vector as it always was computed), streamed
     * beyond: a 10-minute track at 44.1 kHz computed whole holds ~0.8 GB of spectrograms.
     */
    @Override
    public float[] extract(Signal signal) {
        Objects.requireNonNull(signal, "signal");
        if (signal.length() < N_FFT || signal.durationSeconds() <= WHOLE_SECONDS) return extractWhole(signal);
        if (sampleRate != 0 && signal.sampleRate() != sampleRate) {
            throw new IllegalArgumentException(NAME + " expects audio at " + sampleRate + " Hz, got " + signal.sampleRate() + " Hz");
        }
        try {
            return extract(SignalSource.of(signal));
        } catch (AudioDecodeException e) {
            throw new IllegalStateException("a signal in memory cannot fail to decode", e);
        }
    }

    /** The whole computation: every spectrogram of the signal at once (the reference the streamed one equals). */
    public float[] extractWhole(Signal signal) {
        Objects.requireNonNull(signal, "signal");
        if (sampleRate != 0 && signal.sampleRate() != sampleRate) {
            throw new IllegalArgumentException(NAME + " expects audio at " + sampleRate + " Hz, got " + signal.sampleRate() + " Hz");
        }
        if (signal.length() < N_FFT) {
            throw new IllegalArgumentException(NAME + " needs at least " + N_FFT + " samples, got " + signal.length());
        }
        int sr = signal.sampleRate();
        float[] y = signal.samples();
        float[][][] rows = new float[FEATURES.length][][];

        // One magnitude STFT serves the CQT's tuning estimate and every spectral feature.
        FrameMatrix mag = stft.magnitude(y);
        FrameMatrix power = square(mag);

        double tuning = TuningEstimator.of(sr, N_FFT, 12).estimate(mag);
        float[][] c = cqt.magnitude(signal, tuning);
        rows[1] = chromaCqt.fromCqt(c);
        float[][] cens = chromaCens.fromCqt(c);
        rows[0] = cens;
        rows[9] = Tonnetz.fromChroma(cens);

        rows[10] = single(zcr.compute(y));
        rows[2] = chromaStft.fromPower(power).toArray();
        rows[4] = single(rmsFromMagnitude(mag, N_FFT));
        rows[6] = single(centroid.fromMagnitude(mag));
        rows[5] = single(bandwidth.fromMagnitude(mag));
        rows[7] = contrast.fromMagnitude(mag).toArray();
        rows[8] = single(rolloff.fromMagnitude(mag));
        Mfcc mfcc = mfccAt(sr);
        FrameMatrix melDb = PowerToDb.defaults().apply(mfcc.mel().fromSpectrogram(power));
        rows[3] = mfcc.fromDb(melDb).toArray();

        float[] out = new float[COLUMNS.size()];
        for (int f = 0; f < FEATURES.length; f++) {
            if (rows[f].length != ROWS[f]) throw new IllegalStateException(FEATURES[f] + " has " + rows[f].length + " rows, expected " + ROWS[f]);
        }
        statistics((f, r) -> rows[f][r], out);
        return out;
    }

    /** MFCC with the mel bank of the file's rate. */
    Mfcc mfccAt(int sr) {
        return mfccByRate.computeIfAbsent(sr, r -> new Mfcc(MelSpectrogram.of(r, N_FFT, HOP, 128, 0.0, r / 2.0), 20));
    }

    /** Computes the 518 values from per-row feature matrices (FEATURES order; each [rows][frames]). */
    static void statistics(RowSource rows, float[] out) {
        int col = 0;
        for (int f = 0; f < FEATURES.length; f++) {
            double[][] stats = new double[ROWS[f]][];
            for (int r = 0; r < ROWS[f]; r++) stats[r] = Fma518Stats.of(rows.row(f, r));
            for (int s = 0; s < Fma518Stats.NAMES.length; s++) {
                for (int r = 0; r < ROWS[f]; r++) out[col++] = (float) stats[r][s];
            }
        }
    }

    /** Row {@code r} of feature {@code f} over all frames. */
    interface RowSource {
        float[] row(int f, int r);
    }

    /**
     * librosa.feature.rms(S=|STFT|): sqrt of the frame energy from the one-sided spectrum,
     * (2 * sum |S|^2 - |S_0|^2 - |S_nyquist|^2) / n_fft^2 for even n_fft.
     */
    static double[] rmsFromMagnitude(FrameMatrix mag, int nFft) {
        return rmsFromMagnitude(mag, nFft, new double[mag.frames()]);
    }

    static double[] rmsFromMagnitude(FrameMatrix mag, int nFft, double[] out) {
        int bins = mag.rows();
        float[] d = mag.data();
        for (int t = 0; t < mag.frames(); t++) {
            int base = t * bins;
            double acc = 0;
            for (int k = 0; k < bins; k++) acc += (double) d[base + k] * d[base + k];
            acc = 2 * acc - (double) d[base] * d[base];
            if (nFft % 2 == 0) acc -= (double) d[base + bins - 1] * d[base + bins - 1];
            out[t] = Math.sqrt(acc / ((double) nFft * nFft));
        }
        return out;
    }

    static FrameMatrix square(FrameMatrix m) {
        float[] d = m.data();
        float[] p = new float[d.length];
        for (int i = 0; i < d.length; i++) p[i] = d[i] * d[i];
        return new FrameMatrix(m.rows(), m.frames(), p);
    }

    private static float[][] single(double[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (float) v[i];
        return new float[][] {r};
    }

    private static List<String> buildColumns() {
        List<String> c = new ArrayList<>(518);
        for (int f = 0; f < FEATURES.length; f++) {
            for (String s : Fma518Stats.NAMES) {
                for (int r = 1; r <= ROWS[f]; r++) c.add(FEATURES[f] + "." + s + "." + String.format("%02d", r));
            }
        }
        return List.copyOf(c);
    }
}
