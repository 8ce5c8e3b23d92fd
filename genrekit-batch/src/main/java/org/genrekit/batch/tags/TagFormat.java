package org.genrekit.batch.tags;

import java.nio.file.Path;
import java.util.Locale;

/** The tag systems Genrekit writes, chosen by file extension. */
public enum TagFormat {
    /** ID3v2 in MP3. */
    MP3,
    /** Vorbis comments in Ogg Vorbis. */
    OGG,
    /** Vorbis comments in FLAC. */
    FLAC,
    /** iTunes-style atoms in MP4/M4A. */
    MP4;

    public static TagFormat of(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "mp3" -> MP3;
            case "ogg", "oga" -> OGG;
            case "flac" -> FLAC;
            case "m4a", "mp4", "m4b" -> MP4;
            default -> throw new IllegalArgumentException(file + ": cannot write tags to '." + ext
                    + "' files (supported: mp3, ogg, oga, flac, m4a, mp4, m4b)");
        };
    }
}
