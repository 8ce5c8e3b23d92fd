package org.genrekit.features.sets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.genrekit.features.spectral.ChromaFilterBank;
import org.genrekit.features.spectral.Mfcc;
import org.genrekit.features.spectral.PowerToDb;
import org.genrekit.features.spectral.SpectralContrast;
import org.genrekit.features.spectral.TuningEstimator;

/**
 * fma518 of a signal of any length without holding it, the same values as
 * {@link Fma518#extractWhole}. FMA's statistics include medians, so every feature's frames are
 * kept (74 floats per frame: ~275 MB for 3 hours at 44.1 kHz), but never the signal or a
 * spectrogram. Two passes:
 * <ol>
 *   <li>|STFT| in chunks: zcr, rms, centroid, bandwidth and rolloff (final per frame); the pitch
 *       peaks of both tunings (CQT's, on |S| at the file's rate; chroma_stft's, on |S|^2 read at
 *       22050 Hz); the tops of the log-mel and of the contrast's peaks and valleys (power_to_db's
 *       floors are relative to the whole matrix);</li>
 *   <li>|STFT| again: chroma_stft, spectral contrast and MFCC with those tunings and tops; the CQT
 *       streamed through its octaves ({@link CqtStream}) into chroma_cqt and quantised CENS columns.</li>
 * </ol>
 * CENS's time smoothing and the tonnetz are done from the kept columns at the end.
 */
final class Fma518Stream {
    private final Fma518 f;
    private final int chunk;
    private final int bins;
    private final PowerToDb toDb = PowerToDb.defaults();

    Fma518Stream(Fma518 f, int chunk) {
        this.f = f;
        this.chunk = chunk;
        this.bins = f.stft.bins();
    }

    float[] extract(SignalSource source) throws AudioDecodeException {
        int sr = source.sampleRate();
        Scan scan = new Scan(sr);
        long n = source.stream(scan).length();
        if (n < Fma518.N_FFT) throw new IllegalArgumentException(Fma518.NAME + " needs at least " + Fma518.N_FFT + " samples, got " + n);
        scan.finish();
        double cqtTuning = scan.cqtPeaks.tuning();
        double chromaTuning = scan.chromaPeaks.tuning();
        Pass pass = new Pass(sr, n, cqtTuning, chromaTuning, scan);
        try (pass) {
            StreamInfo second = source.stream(pass);
            if (second.length() != n) {
                throw new IllegalStateException((source.file() == null ? "the signal" : source.file()) + " gave " + n
                        + " samples, then " + second.length() + " on a second pass");
            }
            pass.finish();
        }
        float[] out = new float[f.columns().size()];
        Fma518.statistics(scan.rows::row, out);
        return out;
    }

    /** |STFT| frames gathered into chunks of {@code chunk} frames. */
    private abstract class Chunks implements SampleSink {
        final FrameStream frames = new FrameStream(Fma518.N_FFT, Fma518.HOP, this::frame);
        final double[] work = f.stft.newWork();
        final float[] mag = new float[chunk * bins];
        int held;

        @Override
        public void accept(float[] samples, int offset, int count) {
            frames.accept(samples, offset, count);
        }

        void frame(int t, float[] s, int off, int realFrom, int realTo) {
            f.stft.transformFrame(s, off, work);
            f.stft.unpackPower(work, mag, held * bins, 1.0);
            perFrame(s, off, realFrom, realTo);
            if (++held == chunk) flush();
        }

        void perFrame(float[] s, int off, int realFrom, int realTo) {
        }

        void flush() {
            if (held == 0) return;
            FrameMatrix m = new FrameMatrix(bins, held, Arrays.copyOf(mag, held * bins));
            chunk(m, Fma518.square(m));
            held = 0;
        }

        abstract void chunk(FrameMatrix magnitude, FrameMatrix power);
    }

    /** Pass 1. */
    private final class Scan extends Chunks {
        final Rows rows = new Rows();
        final TuningEstimator cqtEstimator;
        final TuningEstimator chromaEstimator = f.chromaStft.tuningEstimator();
        final TuningEstimator.Peaks cqtPeaks;
        final TuningEstimator.Peaks chromaPeaks = chromaEstimator.peaks();
        final Mfcc mfcc;
        final float[] mel;
        float melTop = Float.NEGATIVE_INFINITY;
        double peakTop = Double.NEGATIVE_INFINITY;
        double valleyTop = Double.NEGATIVE_INFINITY;

        Scan(int sr) {
            cqtEstimator = TuningEstimator.of(sr, Fma518.N_FFT, 12);
            cqtPeaks = cqtEstimator.peaks();
            mfcc = f.mfccAt(sr);
            mel = new float[mfcc.mel().bank().nMels()];
        }

        @Override
        void perFrame(float[] s, int off, int realFrom, int realTo) {
            rows.add(Rows.ZCR, 0, (float) f.zcr.frame(s, off, realFrom, realTo));
        }

        @Override
        void chunk(FrameMatrix m, FrameMatrix p) {
            int n = m.frames();
            for (int t = 0; t < n; t++) {
                cqtEstimator.collect(m.data(), t * bins, cqtPeaks);
                chromaEstimator.collect(p.data(), t * bins, chromaPeaks);
                mfcc.mel().bank().applyFrame(p.data(), t * bins, mel, 0);
                for (float v : mel) {
                    float db = toDb.db(v);
                    if (db > melTop) melTop = db;
                }
            }
            SpectralContrast.Extremes e = f.contrast.extremes(m);
            peakTop = Math.max(peakTop, SpectralContrast.top(e.peak()));
            valleyTop = Math.max(valleyTop, SpectralContrast.top(e.valley()));
            rows.addAll(Rows.RMSE, Fma518.rmsFromMagnitude(m, Fma518.N_FFT));
            rows.addAll(Rows.CENTROID, f.centroid.fromMagnitude(m));
            rows.addAll(Rows.BANDWIDTH, f.bandwidth.fromMagnitude(m));
            rows.addAll(Rows.ROLLOFF, f.rolloff.fromMagnitude(m));
        }

        void finish() {
            frames.end();
            flush();
        }
    }

    /** Pass 2. */
    private final class Pass extends Chunks implements AutoCloseable {
        private final Rows rows;
        private final Scan scan;
        private final ChromaFilterBank chromaBank;
        private final Mfcc mfcc;
        private final CqtStream cqt;
        private final ChromaCqt.ColumnFolder chromaCqt;
        private final ChromaCens.Streamed cens;
        private final float[] chroma = new float[12];
        private byte[] quantised = new byte[12 * 4096];
        private int columns;

        Pass(int sr, long n, double cqtTuning, double chromaTuning, Scan scan) {
            this.scan = scan;
            this.rows = scan.rows;
            this.chromaBank = f.chromaStft.bank(chromaTuning);
            this.mfcc = f.mfccAt(sr);
            int nBins = f.cqt.params().nBins();
            this.chromaCqt = f.chromaCqt.folder(nBins);
            this.cens = f.chromaCens.streamed(nBins);
            this.cqt = new CqtStream(f.cqt, sr, cqtTuning, n, this::cqtColumn);
        }

        @Override
        public void accept(float[] samples, int offset, int count) {
            super.accept(samples, offset, count);
            cqt.accept(samples, offset, count);
        }

        @Override
        void chunk(FrameMatrix m, FrameMatrix p) {
            rows.addColumns(Rows.CHROMA_STFT, f.chromaStft.fromPower(p, chromaBank));
            rows.addColumns(Rows.CONTRAST, f.contrast.contrast(f.contrast.extremes(m), scan.peakTop, scan.valleyTop));
            FrameMatrix melDb = mfcc.mel().fromSpectrogram(p);
            toDb.applyInPlace(melDb.data(), 0, melDb.data().length, scan.melTop);
            rows.addColumns(Rows.MFCC, mfcc.fromDb(melDb));
        }

        private void cqtColumn(int t, float[] c) {
            chromaCqt.column(c, chroma);
            for (int p = 0; p < 12; p++) rows.add(Rows.CHROMA_CQT, p, chroma[p]);
            if ((columns + 1) * 12 > quantised.length) quantised = Arrays.copyOf(quantised, 2 * quantised.length);
            cens.quantise(c, quantised, columns * 12);
            columns++;
        }

        void finish() {
            frames.end();
            flush();
            cqt.finish();
            float[] column = new float[12];
            float[] tonnetz = new float[6];
            Tonnetz.Projector projector = new Tonnetz.Projector(12);
            byte[] q = quantised;
            for (int t = 0; t < columns; t++) {
                cens.smoothed((s, p) -> q[s * 12 + p], columns, t, column);
                for (int p = 0; p < 12; p++) rows.add(Rows.CENS, p, column[p]);
                projector.column(column, tonnetz);
                for (int r = 0; r < 6; r++) rows.add(Rows.TONNETZ, r, tonnetz[r]);
            }
            quantised = null;
        }

        @Override
        public void close() {
            cqt.close();
        }
    }

    /** Each feature row's values over the frames, in blocks (FMA's statistics need all of them). */
    private static final class Rows {
        static final int CENS = 0, CHROMA_CQT = 1, CHROMA_STFT = 2, MFCC = 3, RMSE = 4, BANDWIDTH = 5, CENTROID = 6,
                CONTRAST = 7, ROLLOFF = 8, TONNETZ = 9, ZCR = 10;
        private static final int BLOCK = 1 << 14;
        private final List<List<float[]>> blocks = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();
        private final int[] first = new int[Fma518.FEATURES.length];

        Rows() {
            int k = 0;
            for (int feature = 0; feature < Fma518.FEATURES.length; feature++) {
                first[feature] = k;
                for (int r = 0; r < Fma518.ROWS[feature]; r++, k++) {
                    blocks.add(new ArrayList<>());
                    counts.add(0);
                }
            }
        }

        void add(int feature, int row, float v) {
            int k = first[feature] + row;
            int n = counts.get(k);
            List<float[]> b = blocks.get(k);
            if (n % BLOCK == 0) b.add(new float[BLOCK]);
            b.get(b.size() - 1)[n % BLOCK] = v;
            counts.set(k, n + 1);
        }

        void addAll(int feature, double[] values) {
            for (double v : values) add(feature, 0, (float) v);
        }

        void addColumns(int feature, FrameMatrix m) {
            float[] d = m.data();
            for (int t = 0; t < m.frames(); t++) {
                for (int r = 0; r < m.rows(); r++) add(feature, r, d[t * m.rows() + r]);
            }
        }

        float[] row(int feature, int row) {
            int k = first[feature] + row;
            int n = counts.get(k);
            float[] out = new float[n];
            List<float[]> b = blocks.get(k);
            for (int i = 0; i < b.size(); i++) System.arraycopy(b.get(i), 0, out, i * BLOCK, Math.min(BLOCK, n - i * BLOCK));
            return out;
        }
    }
}
