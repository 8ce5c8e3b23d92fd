package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrekit.data.Track;
import org.genrekit.data.TrackIds;
import org.genrekit.data.TrackSource;

/**
 * A folder per genre: {@code ROOT/<genre>/**&#47;*.<audio>} at any depth; the label is the name of
 * the first folder below the root (files directly in the root have no label). GTZAN's layout is one.
 * Ids are file names without extension; when two files share a name, the later ones get their
 * relative path (without extension) as id, so ids stay unique.
 */
public class FolderSource implements TrackSource {
    private final String name;
    private final List<Track> tracks;
    protected final List<String> warnings = new ArrayList<>();

    public FolderSource(Path root) throws IOException {
        this("folder:" + root, root, MediaFiles.AUDIO);
    }

    protected FolderSource(String name, Path root, Set<String> exts) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException(root + ": not a directory");
        this.name = name;
        List<Track> list = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Path f : MediaFiles.walk(root, exts)) {
            Path rel = root.relativize(f);
            String label = rel.getNameCount() > 1 ? rel.getName(0).toString() : null;
            String id = idOf(f);
            if (seen.merge(id, 1, Integer::sum) > 1) {
                String r = rel.toString().replace('\\', '/');
                id = r.substring(0, r.length() - MediaFiles.extension(f).length() - 1);
            }
            list.add(Track.of(id, f, label));
        }
        if (list.isEmpty()) warnings.add(root + ": no " + (exts == MediaFiles.IMAGES ? "image" : "audio") + " files found");
        this.tracks = List.copyOf(list);
    }

    /** Id of a file; subclasses map naming schemes (Kaggle's image names) onto track ids. */
    protected String idOf(Path file) {
        return TrackIds.of(file.getFileName().toString());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Track> tracks() {
        return tracks;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
