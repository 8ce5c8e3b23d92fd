#!/usr/bin/env python3
"""librosa 0.11 side of bench/extract-vs-librosa.sh: the fma518 or gtzan58 feature row of each file,
computed by worker processes, written as CSV. Timed as a whole process by the caller (Python start
and imports included), like `genrekit features extract`.

  python3 bench/librosa_extract.py --set fma518|gtzan58 --workers 2 --out T.csv FILE...

fma518 is FMA's features.py recipe (mdeff/fma, at the file's own sample rate); gtzan58 is the
Kaggle GTZAN table's recipe (22050 Hz). Needs librosa 0.11, numpy, scipy (and soundfile, soxr).
"""
import argparse
import csv
import multiprocessing as mp
import os
import sys
import warnings

STATS = ("mean", "std", "skew", "kurtosis", "median", "min", "max")


def fma518(path):
    import numpy as np
    import scipy.stats
    import librosa

    y, sr = librosa.load(path, sr=None, mono=True)
    out = {}

    def stats(name, values):
        out[name] = [np.mean(values, axis=1), np.std(values, axis=1), scipy.stats.skew(values, axis=1),
                     scipy.stats.kurtosis(values, axis=1), np.median(values, axis=1),
                     np.min(values, axis=1), np.max(values, axis=1)]

    stats("zcr", librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512))
    cqt = np.abs(librosa.cqt(y, sr=sr, hop_length=512, bins_per_octave=12, n_bins=7 * 12, tuning=None))
    stats("chroma_cqt", librosa.feature.chroma_cqt(C=cqt, n_chroma=12, n_octaves=7))
    stats("chroma_cens", librosa.feature.chroma_cens(C=cqt, n_chroma=12, n_octaves=7))
    stats("tonnetz", librosa.feature.tonnetz(chroma=librosa.feature.chroma_cens(C=cqt, n_chroma=12, n_octaves=7)))
    stft = np.abs(librosa.stft(y, n_fft=2048, hop_length=512))
    stats("chroma_stft", librosa.feature.chroma_stft(S=stft ** 2, n_chroma=12))
    stats("rmse", librosa.feature.rms(S=stft))
    stats("spectral_centroid", librosa.feature.spectral_centroid(S=stft))
    stats("spectral_bandwidth", librosa.feature.spectral_bandwidth(S=stft))
    stats("spectral_contrast", librosa.feature.spectral_contrast(S=stft, n_bands=6))
    stats("spectral_rolloff", librosa.feature.spectral_rolloff(S=stft))
    mel = librosa.feature.melspectrogram(sr=sr, S=stft ** 2)
    stats("mfcc", librosa.feature.mfcc(S=librosa.power_to_db(mel), n_mfcc=20))
    row = []
    for name in sorted(out):
        for s in out[name]:
            row.extend(float(v) for v in np.atleast_1d(s))
    return row


def gtzan58(path):
    import numpy as np
    import librosa

    y, sr = librosa.load(path, sr=22050, mono=True)
    row = [len(y)]

    def mv(values):
        row.extend([float(np.mean(values)), float(np.var(values))])

    mv(librosa.feature.chroma_stft(y=y, sr=sr))
    mv(librosa.feature.rms(y=y))
    mv(librosa.feature.spectral_centroid(y=y, sr=sr))
    mv(librosa.feature.spectral_bandwidth(y=y, sr=sr))
    mv(librosa.feature.spectral_rolloff(y=y, sr=sr))
    mv(librosa.feature.zero_crossing_rate(y))
    harmonic, percussive = librosa.effects.hpss(y)
    mv(harmonic)
    mv(percussive)
    tempo, _ = librosa.beat.beat_track(y=y, sr=sr)
    row.append(float(np.atleast_1d(tempo)[0]))
    for c in librosa.feature.mfcc(y=y, sr=sr, n_mfcc=20):
        mv(c)
    return row


RECIPES = {"fma518": fma518, "gtzan58": gtzan58}


def work(job):
    name, path = job
    warnings.filterwarnings("ignore")
    try:
        return path, RECIPES[name](path), None
    except Exception as e:  # one bad file does not stop the run
        return path, None, f"{type(e).__name__}: {e}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=sorted(RECIPES), required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    # One BLAS thread per worker process: the fastest librosa setting measured on this machine kind.
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(v, "1")
    import librosa  # noqa: F401  (imported before the workers fork, as a long-lived script would)

    failed = 0
    with mp.get_context("fork").Pool(a.workers) as pool, open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        for path, row, err in pool.imap(work, [(a.set, p) for p in a.files]):
            if row is None:
                failed += 1
                print(f"librosa_extract: {path}: {err}", file=sys.stderr)
            else:
                w.writerow([path] + row)
    return 3 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
