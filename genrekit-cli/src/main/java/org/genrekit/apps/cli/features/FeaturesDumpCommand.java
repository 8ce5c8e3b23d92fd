package org.genrekit.apps.cli.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.genrekit.apps.cli.Main;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;
import org.genrekit.features.cqt.ChromaCens;
import org.genrekit.features.cqt.ChromaCqt;
import org.genrekit.features.cqt.Tonnetz;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Stft;
import org.genrekit.features.io.Npy;
import org.genrekit.features.io.NpyArray;
import org.genrekit.features.rhythm.OnsetStrength;
import org.genrekit.features.rhythm.Tempo;
import org.genrekit.features.spectral.ChromaStft;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.Mfcc;
import org.genrekit.features.spectral.PowerToDb;
import org.genrekit.features.spectral.Rms;
import org.genrekit.features.spectral.SpectralBandwidth;
import org.genrekit.features.spectral.SpectralCentroid;
import org.genrekit.features.spectral.SpectralContrast;
import org.genrekit.features.spectral.SpectralRolloff;
import org.genrekit.features.spectral.Stats;
import org.genrekit.features.spectral.ZeroCrossingRate;
import org.genrekit.features.viz.SpectrogramPng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genrekit features dump AUDIO --out DIR}: every librosa feature of one file as float32
 * {@code .npy}, with librosa's shapes and the golden files' names, so that any of them can be
 * compared with {@code numpy.load} side by side with librosa's.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write librosa-compatible features of one audio file as float32 .npy files.",
                "The files: y, stft_mag, mel, mel_db, mfcc, chroma_stft, chroma_cqt, chroma_cens, tonnetz, zcr, rms,"
                        + " spectral_centroid, spectral_bandwidth, spectral_contrast, spectral_rolloff, onset_env, tempo.",
                "Audio is decoded as librosa.load does by default (22050 Hz mono)."})
public final class FeaturesDumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AUDIO", description = "Audio file (wav, mp3, flac, ogg, ...).")
    Path audio;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--png", description = "Also write mel_db.png (magma, low frequencies at the bottom).")
    boolean png;

    /** Longer files are dumped as a stream ({@link StreamedDump}): the same files, in bounded memory. */
    static final double WHOLE_SECONDS = 60;

    @Override
    public Integer call() throws IOException {
        SignalSource source = SignalSource.of(audio, LoadOptions.defaults());
        Signal signal = source.wholeIfAtMost(WHOLE_SECONDS); // a missing or unreadable AUDIO is a user error (exit 2)
        return signal == null ? streamed(source) : whole(signal);
    }

    /** Every output computed from the whole signal in memory (files up to {@link #WHOLE_SECONDS}). */
    int whole(Signal signal) throws IOException {
        int sr = signal.sampleRate();
        float[] y = signal.samples();
        Map<String, Supplier<NpyArray>> outputs = new LinkedHashMap<>();
        Stft stft = Stft.defaults();
        FrameMatrix mag = stft.magnitude(y);
        FrameMatrix power = squared(mag);
        MelSpectrogram mel = MelSpectrogram.defaults(sr);
        FrameMatrix melPower = mel.fromSpectrogram(power);
        float[][] melDb = PowerToDb.refMaxDefaults().apply(melPower).toArray();
        double[] centroid = SpectralCentroid.defaults(sr).fromMagnitude(mag);
        outputs.put("y", () -> NpyArray.ofFloats(y));
        outputs.put("stft_mag", () -> NpyArray.ofFloats(mag.toArray()));
        outputs.put("mel", () -> NpyArray.ofFloats(melPower.toArray()));
        outputs.put("mel_db", () -> NpyArray.ofFloats(melDb));
        outputs.put("mfcc", () -> NpyArray.ofFloats(new Mfcc(mel, 20).fromMel(melPower).toArray()));
        outputs.put("chroma_stft", () -> NpyArray.ofFloats(ChromaStft.defaults(sr).fromPower(power).toArray()));
        outputs.put("chroma_cqt", () -> NpyArray.ofFloats(new ChromaCqt().compute(signal)));
        outputs.put("chroma_cens", () -> NpyArray.ofFloats(new ChromaCens().compute(signal)));
        outputs.put("tonnetz", () -> NpyArray.ofFloats(new Tonnetz().compute(signal)));
        outputs.put("zcr", () -> NpyArray.ofFloats(ZeroCrossingRate.defaults().compute(signal)));
        outputs.put("rms", () -> NpyArray.ofFloats(Rms.defaults().compute(signal)));
        outputs.put("spectral_centroid", () -> NpyArray.ofFloats(Stats.row(centroid)));
        outputs.put("spectral_bandwidth", () -> NpyArray.ofFloats(Stats.row(SpectralBandwidth.defaults(sr).fromMagnitude(mag, centroid))));
        outputs.put("spectral_contrast", () -> NpyArray.ofFloats(SpectralContrast.defaults(sr).fromMagnitude(mag).toArray()));
        outputs.put("spectral_rolloff", () -> NpyArray.ofFloats(Stats.row(SpectralRolloff.defaults(sr).fromMagnitude(mag))));
        outputs.put("onset_env", () -> NpyArray.ofFloats(new OnsetStrength(mel, 1, OnsetStrength.Aggregate.MEAN).fromMel(melPower)));
        outputs.put("tempo", () -> NpyArray.ofFloats(new float[] {(float) new Tempo(sr, 512, 120, 1, 8, 320)
                .fromOnsetEnvelope(new OnsetStrength(mel, 1, OnsetStrength.Aggregate.MEDIAN).fromMel(melPower))}));
        int failed = 0;
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, Supplier<NpyArray>> e : outputs.entrySet()) {
                NpyArray a;
                try {
                    a = e.getValue().get();
                } catch (RuntimeException ex) {
                    // One feature that cannot be computed (e.g. a CQT on a too-short clip) must not lose the others.
                    System.err.println("genrekit features dump: " + e.getKey() + " skipped: " + ex.getMessage());
                    failed++;
                    continue;
                }
                Npy.writeFloat32(out.resolve(e.getKey() + ".npy"), a.shape(), a.data());
            }
            if (png) SpectrogramPng.write(melDb, out.resolve("mel_db.png"));
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        System.err.printf("genrekit features dump: %s (%d samples at %d Hz) -> %s: %d files%s%n", audio, y.length, sr, out,
                outputs.size() - failed, failed > 0 ? ", " + failed + " skipped" : "");
        return failed > 0 ? Main.EXIT_PARTIAL : Main.EXIT_OK;
    }

    /**
     * A file longer than {@link #WHOLE_SECONDS}: decoded twice as a stream, every array written
     * frame by frame (never the signal or a spectrogram in memory; a 3-hour file's stft_mag.npy
     * alone is 1.9 GB on disk). The PNG would be as wide as the file has frames: not drawn.
     */
    private int streamed(SignalSource source) throws IOException {
        long t0 = System.nanoTime();
        try {
            java.util.List<String> names = new StreamedDump().write(source, out);
            if (png) System.err.println("genrekit features dump: mel_db.png skipped: it is drawn for files up to " + (int) WHOLE_SECONDS + " s (mel_db.npy has the values)");
            System.err.printf("genrekit features dump: %s (streamed, longer than %d s) -> %s: %d files in %.1f s%n", audio, (int) WHOLE_SECONDS,
                    out, names.size(), (System.nanoTime() - t0) / 1e9);
            return Main.EXIT_OK;
        } catch (AudioDecodeException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(e);
        } catch (java.io.UncheckedIOException e) {
            throw cannotWrite(e.getCause());
        }
    }

    /** A write error says which output folder it was about; the reader's errors name the audio file themselves. */
    private IOException cannotWrite(IOException e) {
        return new IOException("cannot write to " + out + ": " + e.getMessage(), e);
    }

    private static FrameMatrix squared(FrameMatrix mag) {
        float[] m = mag.data();
        float[] p = new float[m.length];
        for (int i = 0; i < m.length; i++) p[i] = m[i] * m[i];
        return new FrameMatrix(mag.rows(), mag.frames(), p);
    }
}
