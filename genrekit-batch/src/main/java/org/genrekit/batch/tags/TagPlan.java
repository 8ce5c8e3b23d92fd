package org.genrekit.batch.tags;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The change tag writing would make to one file (printed by the dry run, carried out by {@link SafeTagWriter#apply}).
 *
 * @param file        the audio file
 * @param format      its tag system
 * @param current     genres in the file now
 * @param planned     genres after writing
 * @param probability probability text to write, or null
 * @param policy      the policy that decided
 * @param write       whether anything changes
 */
public record TagPlan(Path file, TagFormat format, List<String> current, List<String> planned, String probability,
                      TagPolicy policy, boolean write) {
    public TagPlan {
        current = List.copyOf(current);
        planned = List.copyOf(planned);
    }

    /** One line: {@code replace 'Rock' -> 'Jazz' (p=0.870)} or {@code keep 'Rock' (unchanged)}. */
    public String describe() {
        String now = current.isEmpty() ? "(none)" : quote(current);
        String p = probability == null ? "" : " (p=" + probability + ")";
        if (!write) return policy + " " + now + " (unchanged)";
        return policy + " " + now + " -> " + quote(planned) + p;
    }

    private static String quote(List<String> g) {
        return "'" + String.join(TagFields.JOIN, g) + "'";
    }

    /** The genre text for a model label: "hiphop" → "Hiphop", "rock" → "Rock"; labels with capitals stay as they are. */
    public static String genreText(String label) {
        if (label.isEmpty() || !label.equals(label.toLowerCase(Locale.ROOT))) return label;
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
