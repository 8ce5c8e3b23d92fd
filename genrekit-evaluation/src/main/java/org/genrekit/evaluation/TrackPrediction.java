package org.genrekit.evaluation;

/**
 * One evaluated track's answer.
 *
 * @param id            the track id
 * @param file          its audio file, or null when it was scored from a feature table
 * @param truth         its true class (index into the label set)
 * @param probabilities one per label
 */
public record TrackPrediction(String id, String file, int truth, double[] probabilities) {
    public TrackPrediction {
        probabilities = probabilities.clone();
    }

    /** The most probable class (the first on a tie). */
    public int predicted() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
        return best;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
