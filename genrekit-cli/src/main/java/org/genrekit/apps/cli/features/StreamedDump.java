package org.genrekit.apps.cli.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.SampleSink;
import org.genrekit.audio.SignalSource;
import org.genrekit.audio.StreamInfo;
import org.genrekit.features.cqt.ChromaCens;
import org.genrekit.features.cqt.ChromaCqt;
import org.genrekit.features.cqt.CqtStream;
import org.genrekit.features.cqt.Tonnetz;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.FrameStream;
import org.genrekit.features.dsp.Stft;
import org.genrekit.features.io.NpyWriter;
import org.genrekit.features.rhythm.OnsetStrength;
import org.genrekit.features.rhythm.Tempo;
import org.genrekit.features.spectral.ChromaFilterBank;
import org.genrekit.features.spectral.ChromaStft;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.Mfcc;
import org.genrekit.features.spectral.PowerToDb;
import org.genrekit.features.spectral.Rms;
import org.genrekit.features.spectral.SpectralBandwidth;
import org.genrekit.features.spectral.SpectralCentroid;
import org.genrekit.features.spectral.SpectralContrast;
import org.genrekit.features.spectral.SpectralRolloff;
import org.genrekit.features.spectral.TuningEstimator;
import org.genrekit.features.spectral.ZeroCrossingRate;

/**
 * {@code features dump} of a long file without holding it: the same {@code .npy} files as the
 * whole computation, written as the file is decoded a second time. The first pass finds what the
 * whole signal decides (the two tunings, the largest mel power, the contrast's tops, the frame
 * counts); the second writes every frame's values as they come ({@code [rows][frames]} arrays in
 * numpy's Fortran order, i.e. frame by frame). Held: a chunk of frames, the onset envelopes (4
 * bytes per frame each), the tunings' pitch peaks and CENS's quantised chroma (12 bytes per frame).
 */
final class StreamedDump {
    private static final int SR = 22050;
    private static final int CHUNK = 1024;

    private final Stft stft = Stft.defaults();
    private final int bins = stft.bins();
    private final MelSpectrogram mel = MelSpectrogram.defaults(SR);
    private final int nMels = mel.bank().nMels();
    private final Mfcc mfcc = new Mfcc(mel, 20);
    private final ChromaStft chromaStft = ChromaStft.defaults(SR);
    private final ChromaCqt chromaCqt = new ChromaCqt();
    private final ChromaCens chromaCens = new ChromaCens();
    private final SpectralCentroid centroid = SpectralCentroid.defaults(SR);
    private final SpectralBandwidth bandwidth = SpectralBandwidth.defaults(SR);
    private final SpectralRolloff rolloff = SpectralRolloff.defaults(SR);
    private final SpectralContrast contrast = SpectralContrast.defaults(SR);
    private final ZeroCrossingRate zcr = ZeroCrossingRate.defaults();
    private final Rms rms = Rms.defaults();
    private final PowerToDb refOne = PowerToDb.defaults();
    private final PowerToDb refMax = PowerToDb.refMaxDefaults();

    /** Writes every output into {@code out}; returns the names written. */
    List<String> write(SignalSource source, Path out) throws IOException, AudioDecodeException {
        Scan scan = new Scan();
        long n = source.stream(scan).length();
        scan.finish();
        Writer w = new Writer(n, scan, out);
        try {
            StreamInfo second = source.stream(w);
            if (second.length() != n) throw new IllegalStateException("the file gave " + n + " samples, then " + second.length());
            w.finish();
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e;
        } finally {
            w.cqt.close();
        }
        return List.copyOf(w.files.keySet());
    }

    /** |STFT| frames with the frame's samples, gathered into chunks. */
    private abstract class Chunks implements SampleSink {
        final FrameStream frames = new FrameStream(stft.nFft(), stft.hopLength(), this::frame);
        final double[] work = stft.newWork();
        final float[] mag = new float[CHUNK * bins];
        int held;

        @Override
        public void accept(float[] samples, int offset, int count) {
            frames.accept(samples, offset, count);
        }

        private void frame(int t, float[] s, int off, int realFrom, int realTo) {
            stft.transformFrame(s, off, work);
            stft.unpackPower(work, mag, held * bins, 1.0);
            perFrame(s, off, realFrom, realTo);
            if (++held == CHUNK) flush();
        }

        void perFrame(float[] s, int off, int realFrom, int realTo) {
        }

        void flush() {
            if (held == 0) return;
            float[] m = Arrays.copyOf(mag, held * bins);
            float[] p = new float[m.length];
            for (int i = 0; i < m.length; i++) p[i] = m[i] * m[i];
            chunk(new FrameMatrix(bins, held, m), new FrameMatrix(bins, held, p));
            held = 0;
        }

        abstract void chunk(FrameMatrix magnitude, FrameMatrix power);
    }

    /** Pass 1: what the whole signal decides. */
    private final class Scan extends Chunks {
        final TuningEstimator chromaEstimator = chromaStft.tuningEstimator();
        final TuningEstimator.Peaks chromaPeaks = chromaEstimator.peaks();
        final TuningEstimator cqtEstimator = TuningEstimator.of(SR, stft.nFft(), chromaCqt.binsPerOctave());
        final TuningEstimator.Peaks cqtPeaks = cqtEstimator.peaks();
        final float[] melFrame = new float[nMels];
        float melMax = Float.NEGATIVE_INFINITY;
        double peakTop = Double.NEGATIVE_INFINITY;
        double valleyTop = Double.NEGATIVE_INFINITY;
        int frameCount;

        @Override
        void chunk(FrameMatrix m, FrameMatrix p) {
            for (int t = 0; t < m.frames(); t++) {
                chromaEstimator.collect(p.data(), t * bins, chromaPeaks);
                cqtEstimator.collect(m.data(), t * bins, cqtPeaks);
                mel.bank().applyFrame(p.data(), t * bins, melFrame, 0);
                for (float v : melFrame) melMax = Math.max(melMax, Math.abs(v));
            }
            SpectralContrast.Extremes e = contrast.extremes(m);
            peakTop = Math.max(peakTop, SpectralContrast.top(e.peak()));
            valleyTop = Math.max(valleyTop, SpectralContrast.top(e.valley()));
        }

        void finish() {
            frameCount = frames.end();
            flush();
        }
    }

    /** Pass 2: every output, frame by frame. */
    private final class Writer extends Chunks {
        final Map<String, NpyWriter> files = new LinkedHashMap<>();
        final Scan scan;
        final ChromaFilterBank chromaBank;
        final CqtStream cqt;
        final ChromaCqt.ColumnFolder folder;
        final ChromaCens.Streamed cens;
        final Tonnetz.Projector tonnetz = new Tonnetz.Projector(12);
        final OnsetStrength.Envelope onsetMean;
        final OnsetStrength.Envelope onsetMedian;
        final float[] chroma = new float[12];
        final float[] tonal = new float[6];
        final Path out;
        final long n;
        byte[] quantised;
        int columns;

        Writer(long n, Scan scan, Path out) throws IOException {
            this.n = n;
            this.scan = scan;
            this.out = out;
            this.chromaBank = chromaStft.bank(scan.chromaPeaks.tuning());
            this.cqt = new CqtStream(chromaCqt.cqt(), SR, scan.cqtPeaks.tuning(), n, this::cqtColumn);
            int nInput = chromaCqt.cqt().params().nBins();
            this.folder = chromaCqt.folder(nInput);
            this.cens = chromaCens.streamed(nInput);
            this.onsetMean = new OnsetStrength(mel, 1, OnsetStrength.Aggregate.MEAN).envelope(nMels);
            this.onsetMedian = new OnsetStrength(mel, 1, OnsetStrength.Aggregate.MEDIAN).envelope(nMels);
            long f = scan.frameCount;
            long c = cqt.columns();
            this.quantised = new byte[(int) (12 * c)];
            open("y", new long[] {n});
            open("stft_mag", new long[] {bins, f});
            open("mel", new long[] {nMels, f});
            open("mel_db", new long[] {nMels, f});
            open("mfcc", new long[] {20, f});
            open("chroma_stft", new long[] {12, f});
            open("chroma_cqt", new long[] {12, c});
            open("tonnetz", new long[] {6, c});
            for (String one : List.of("zcr", "rms", "spectral_centroid", "spectral_bandwidth", "spectral_rolloff")) open(one, new long[] {1, f});
            open("spectral_contrast", new long[] {contrast.extremes(new FrameMatrix(bins, 0, new float[0])).rows(), f});
        }

        private void open(String name, long[] shape) throws IOException {
            files.put(name, NpyWriter.float32(out.resolve(name + ".npy"), shape, shape.length > 1));
        }

        private NpyWriter file(String name) {
            return files.get(name);
        }

        @Override
        public void accept(float[] samples, int offset, int count) {
            try {
                file("y").write(samples, offset, count);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            super.accept(samples, offset, count);
            cqt.accept(samples, offset, count);
        }

        @Override
        void perFrame(float[] s, int off, int realFrom, int realTo) {
            try {
                file("zcr").write(new double[] {zcr.frame(s, off, realFrom, realTo)}, 0, 1);
                file("rms").write(new double[] {rms.frame(s, off)}, 0, 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        void chunk(FrameMatrix m, FrameMatrix p) {
            try {
                file("stft_mag").write(m.data(), 0, m.data().length);
                FrameMatrix melPower = mel.fromSpectrogram(p);
                file("mel").write(melPower.data(), 0, melPower.data().length);
                float[] db = melPower.data().clone();
                refMax.applyKnownMax(db, 0, db.length, scan.melMax);
                file("mel_db").write(db, 0, db.length);
                float[] db1 = melPower.data().clone();
                refOne.applyKnownMax(db1, 0, db1.length, scan.melMax);
                for (int t = 0; t < m.frames(); t++) {
                    onsetMean.add(db1, t * nMels);
                    onsetMedian.add(db1, t * nMels);
                }
                float[] coefficients = mfcc.fromDb(new FrameMatrix(nMels, m.frames(), db1)).data();
                file("mfcc").write(coefficients, 0, coefficients.length);
                float[] ch = chromaStft.fromPower(p, chromaBank).data();
                file("chroma_stft").write(ch, 0, ch.length);
                double[] cent = centroid.fromMagnitude(m);
                file("spectral_centroid").write(cent, 0, cent.length);
                double[] bw = bandwidth.fromMagnitude(m, cent);
                file("spectral_bandwidth").write(bw, 0, bw.length);
                float[] con = contrast.contrast(contrast.extremes(m), scan.peakTop, scan.valleyTop).data();
                file("spectral_contrast").write(con, 0, con.length);
                double[] roll = rolloff.fromMagnitude(m);
                file("spectral_rolloff").write(roll, 0, roll.length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void cqtColumn(int t, float[] c) {
            try {
                folder.column(c, chroma);
                file("chroma_cqt").write(chroma, 0, 12);
                tonnetz.column(chroma, tonal);
                file("tonnetz").write(tonal, 0, 6);
                cens.quantise(c, quantised, t * 12);
                columns++;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void finish() throws IOException {
            frames.end();
            flush();
            cqt.finish();
            byte[] q = quantised;
            try (NpyWriter w = NpyWriter.float32(out.resolve("chroma_cens.npy"), new long[] {12, columns}, true)) {
                float[] column = new float[12];
                for (int t = 0; t < columns; t++) {
                    cens.smoothed((s, p) -> q[s * 12 + p], columns, t, column);
                    w.write(column, 0, 12);
                }
            }
            files.put("chroma_cens", null);
            float[] env = onsetMean.finish();
            try (NpyWriter w = NpyWriter.float32(out.resolve("onset_env.npy"), new long[] {env.length}, false)) {
                w.write(env, 0, env.length);
            }
            files.put("onset_env", null);
            double bpm = new Tempo(SR, 512, 120, 1, 8, 320).fromOnsetEnvelope(onsetMedian.finish());
            try (NpyWriter w = NpyWriter.float32(out.resolve("tempo.npy"), new long[] {1}, false)) {
                w.write(new double[] {bpm}, 0, 1);
            }
            files.put("tempo", null);
            List<IOException> failed = new ArrayList<>();
            for (NpyWriter w : files.values()) {
                if (w == null) continue;
                try {
                    w.close();
                } catch (IOException e) {
                    failed.add(e);
                }
            }
            if (!failed.isEmpty()) throw failed.get(0);
        }

        void abort() {
            for (NpyWriter w : files.values()) if (w != null) w.abort();
        }
    }
}
