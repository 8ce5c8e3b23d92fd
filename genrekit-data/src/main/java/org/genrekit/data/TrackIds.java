package org.genrekit.data;

/** The id of a track as every part of Genrekit spells it: the file name without directory and extension. */
public final class TrackIds {
    private TrackIds() {
    }

    /** {@code "blues/blues.00029.wav"} → {@code "blues.00029"}; {@code "C:\\x\\a.mp3"} → {@code "a"}; {@code "123"} → {@code "123"}. */
    public static String of(String pathOrName) {
        String s = pathOrName.strip();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        String name = s.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        // only a real extension (1-5 letters/digits after the dot, not all digits) is cut: "blues.00029" keeps its number
        if (dot > 0) {
            String ext = name.substring(dot + 1);
            if (ext.length() >= 1 && ext.length() <= 5 && ext.chars().allMatch(Character::isLetterOrDigit)
                    && !ext.chars().allMatch(Character::isDigit)) {
                return name.substring(0, dot);
            }
        }
        return name;
    }
}
