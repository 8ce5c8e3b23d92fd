package org.genrekit.features.sets;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.PowerToDb;

/**
 * The log-mel matrix the CNNs and the web page use: {@code power_to_db(melspectrogram(y))} with
 * librosa's default {@code ref=1.0, amin=1e-10, top_db=80}. So values are absolute dB of power
 * (a full-scale sine's band is near 0 dB and louder clips give larger values, unlike ref=np.max
 * which pins every clip's peak to 0 dB), floored at 80 dB below the clip's own peak.
 *
 * <p>As a {@link FeatureSet} ({@code logmel{sr=..,n_fft=..,hop_length=..,n_mels=..,fmin=..,fmax=..,frames=..}})
 * the matrix is flattened band by band ({@code mel0_t0, mel0_t1, ...}) to a fixed
 * {@code frames} columns per band: longer signals are cut, shorter ones padded with the clip's
 * floor value (what silence would give). Immutable and thread-safe.
 */
public final class LogMel implements FeatureSet {
    /** Frames of a 30 s clip at 22050 Hz, hop 512: the default fixed width. */
    public static final int DEFAULT_FRAMES = 1292;

    private final int sampleRate;
    private final int nFft;
    private final int hopLength;
    private final int nMels;
    private final double fmin;
    private final double fmax;
    private final int frames;
    private final MelSpectrogram mel;
    private final PowerToDb toDb = PowerToDb.defaults();

    public LogMel(int sampleRate, int nFft, int hopLength, int nMels, double fmin, double fmax) {
        this(sampleRate, nFft, hopLength, nMels, fmin, fmax, DEFAULT_FRAMES);
    }

    public LogMel(int sampleRate, int nFft, int hopLength, int nMels, double fmin, double fmax, int frames) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.nFft = Params.positive("n_fft", nFft);
        this.hopLength = Params.positive("hop_length", hopLength);
        this.nMels = Params.positive("n_mels", nMels);
        this.fmin = Params.nonNegative("fmin", fmin);
        this.fmax = Params.positive("fmax", fmax);
        if (fmax > sampleRate / 2.0) throw new IllegalArgumentException("fmax=" + fmax + " must be <= sr/2=" + sampleRate / 2.0);
        this.frames = Params.positive("frames", frames);
        this.mel = MelSpectrogram.of(sampleRate, nFft, hopLength, nMels, fmin, fmax);
    }

    /** 22050 Hz, n_fft 2048, hop 512, 128 bands, 0 .. sr/2. */
    public static LogMel defaults() {
        return new LogMel(22050, 2048, 512, 128, 0.0, 11025.0);
    }

    /** From a {@code logmel{...}} recipe; absent parameters take the defaults. */
    public static LogMel fromRecipe(FeatureRecipe recipe) {
        if (!recipe.name().equals("logmel")) throw new IllegalArgumentException("not a logmel recipe: " + recipe.id());
        for (String k : recipe.params().keySet()) {
            if (!List.of("sr", "n_fft", "hop_length", "n_mels", "fmin", "fmax", "frames").contains(k)) {
                throw new IllegalArgumentException("logmel has no parameter '" + k + "' (known: sr, n_fft, hop_length, n_mels, fmin, fmax, frames)");
            }
        }
        int sr = recipe.intParam("sr", 22050);
        return new LogMel(sr, recipe.intParam("n_fft", 2048), recipe.intParam("hop_length", 512),
                recipe.intParam("n_mels", 128), recipe.doubleParam("fmin", 0.0),
                recipe.doubleParam("fmax", sr / 2.0), recipe.intParam("frames", DEFAULT_FRAMES));
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int nMels() {
        return nMels;
    }

    public int hopLength() {
        return hopLength;
    }

    public int frames() {
        return frames;
    }

    /** Log-mel, frame-major. */
    public FrameMatrix frames(Signal signal) {
        FrameMatrix m = mel.frames(SignalChecks.samplesAt(signal, sampleRate));
        return new FrameMatrix(m.rows(), m.frames(), toDb.applyInPlace(m.data()));
    }

    /** {@code [n_mels][frames of the signal]} in dB (ref 1.0, top_db 80). */
    public float[][] compute(Signal signal) {
        return frames(signal).toArray();
    }

    @Override
    public FeatureRecipe recipe() {
        Map<String, String> p = new TreeMap<>();
        p.put("sr", Integer.toString(sampleRate));
        p.put("n_fft", Integer.toString(nFft));
        p.put("hop_length", Integer.toString(hopLength));
        p.put("n_mels", Integer.toString(nMels));
        p.put("fmin", Double.toString(fmin));
        p.put("fmax", Double.toString(fmax));
        p.put("frames", Integer.toString(frames));
        return new FeatureRecipe("logmel", p);
    }

    @Override
    public List<String> columns() {
        int n = nMels * frames;
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                if (i < 0 || i >= n) throw new IndexOutOfBoundsException(i);
                return "mel" + (i / frames) + "_t" + (i % frames);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    @Override
    public LoadOptions loadOptions() {
        return LoadOptions.atRate(sampleRate);
    }

    @Override
    public float[] extract(Signal signal) {
        FrameMatrix m = frames(signal);
        float floor = Float.POSITIVE_INFINITY;
        for (float v : m.data()) floor = Math.min(floor, v);
        float[] out = new float[nMels * frames];
        java.util.Arrays.fill(out, floor);
        int keep = Math.min(frames, m.frames());
        for (int b = 0; b < nMels; b++) {
            for (int t = 0; t < keep; t++) out[b * frames + t] = m.get(b, t);
        }
        return out;
    }
}
