package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrekit.data.TrackIds;

/**
 * A folder per genre of spectrogram images (Kaggle's {@code images_original}). Kaggle names images
 * {@code classical00012.png}; their id becomes {@code classical.00012}, the id of the audio track,
 * so image and audio datasets split alike.
 */
public final class ImageFolderSource extends FolderSource {
    private static final Pattern KAGGLE = Pattern.compile("^([a-z]+)(\\d{5})$");

    public ImageFolderSource(Path root) throws IOException {
        super("images:" + root, GtzanSource.genreRoot(root.resolve("images_original").toFile().isDirectory()
                ? root.resolve("images_original") : root), MediaFiles.IMAGES);
    }

    @Override
    protected String idOf(Path file) {
        String id = TrackIds.of(file.getFileName().toString());
        Matcher m = KAGGLE.matcher(id);
        return m.matches() ? m.group(1) + "." + m.group(2) : id;
    }
}
