package org.genrekit.deep.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.data.spec.TrackSplits;
import org.genrekit.data.split.Split;

/**
 * A dataset spec opened for deep networks through genrekit-data's sources and splits: the labelled
 * tracks that have a file (audio, or pictures for {@code images:DIR}) and their split.
 *
 * <p>Without a {@code split=} option the source's own split is used when its tracks have one (a
 * manifest's {@code fault_filtered_part} column, FMA's set split), else a stratified random split
 * that holds out {@value #DEFAULT_VALID} of each genre for validation (artist-grouped with
 * {@code artists=FILE} or {@code group=artist}): training chooses its epoch on the valid part.
 *
 * @param spec     the spec with the split options it is read with
 * @param tracks   labelled tracks with a file, in the source's order
 * @param split    train / valid / test ids
 * @param warnings what the source noted while opening (missing files, ...)
 */
public record DeepData(DatasetSpec spec, List<Track> tracks, Split split, List<String> warnings) {
    /** Share of each genre held out for validation when the spec names no split. */
    public static final double DEFAULT_VALID = 0.2;

    public DeepData {
        tracks = List.copyOf(tracks);
        warnings = List.copyOf(warnings);
    }

    public static DeepData open(String specText) throws IOException {
        return open(DatasetSpec.parse(specText));
    }

    public static DeepData open(DatasetSpec spec) throws IOException {
        if (spec.kind() == DatasetSpec.Kind.TABLE) {
            throw new IllegalArgumentException("'" + spec.text() + "' is a feature table; deep networks read audio or pictures"
                    + " (gtzan:, fma:, folder:, manifest:, images:)");
        }
        TrackSource src = DatasetSpecs.tracks(spec);
        List<Track> usable = src.tracks().stream().filter(t -> t.hasAudio() && t.label() != null).toList();
        if (usable.isEmpty()) throw new IllegalArgumentException("'" + spec.text() + "' has no labelled track with a file");
        DatasetSpec withSplit = withDefaultSplit(spec, usable);
        return new DeepData(withSplit, usable, TrackSplits.split(withSplit, usable), src.warnings());
    }

    /** The spec as read: its own split options, else the source's split, else a stratified validation hold-out. */
    static DatasetSpec withDefaultSplit(DatasetSpec spec, List<Track> tracks) {
        if (spec.option("split") != null) return spec;
        Map<String, String> o = new LinkedHashMap<>(spec.options());
        if (tracks.stream().anyMatch(t -> t.split() != null)) {
            o.put("split", "official");
        } else {
            o.put("split", "random");
            o.putIfAbsent("valid", Double.toString(DEFAULT_VALID));
            o.putIfAbsent("test", "0");
        }
        return new DatasetSpec(spec.text(), spec.kind(), spec.location(), o);
    }

    /** Whether the tracks are pictures ({@code images:DIR}) rather than audio. */
    public boolean pictures() {
        return spec.kind() == DatasetSpec.Kind.IMAGES;
    }

    /** The tracks of split part {@code name} (train, valid, test), in the source's order. */
    public List<Track> part(String name) {
        Set<String> ids = new HashSet<>(split.part(name));
        return tracks.stream().filter(t -> ids.contains(t.id())).toList();
    }

    /** The tracks of every part (cross-validation re-splits them). */
    public List<Track> inSplit() {
        Set<String> ids = new HashSet<>(split.partOf().keySet());
        return tracks.stream().filter(t -> ids.contains(t.id())).toList();
    }

    /**
     * The training part's genres, sorted (the network's classes); a validation genre the training
     * part lacks is an error, since the network could never predict it.
     */
    public List<String> trainingLabels() {
        List<Track> train = part(Split.TRAIN);
        if (train.isEmpty()) throw new IllegalArgumentException(spec + ": the split has no training tracks");
        List<String> labels = new ArrayList<>(new TreeSet<>(train.stream().map(Track::label).toList()));
        for (Track t : part(Split.VALID)) {
            if (!labels.contains(t.label())) throw new IllegalArgumentException("validation genre '" + t.label() + "' does not occur in the training part");
        }
        if (labels.size() < 2) throw new IllegalArgumentException(spec + ": the training part has " + labels.size() + " genre; a classifier needs at least 2");
        return labels;
    }

    /** The validation tracks; an error naming how to get some when the split has none. */
    public List<Track> validation() {
        List<Track> v = part(Split.VALID);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(spec + ": the split has no validation tracks, and training chooses its epoch on them;"
                    + " add valid=0.2 (split=random) or valid=FILE (split=lists)");
        }
        return v;
    }
}
