package org.genrekit.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's metadata as {@code GET /api/v1/models} shows it: the same values, but every absolute
 * path (where the server's training data or bundle files lie: {@code /home/me/data/x.csv},
 * {@code C:\\data\\x.csv}, {@code ~/x}) shortened to its file name, so the API does not reveal the
 * server's file system.
 */
final class PublicMetadata {
    /** An absolute path at the start of a value or after a separator ({@code gtzan:/data?train=/lists/tr.txt}). */
    private static final Pattern ABSOLUTE = Pattern.compile("(?<=^|[\\s:=,;'\"(\\[])(?:/|~/|[A-Za-z]:[\\\\/])[^\\s?&,;'\"()\\[\\]]*");

    private PublicMetadata() {
    }

    static Object of(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) out.add(of(v));
            return out;
        }
        if (value instanceof String s) return withoutPaths(s);
        return value;
    }

    static String withoutPaths(String s) {
        Matcher m = ABSOLUTE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(fileName(m.group())));
        m.appendTail(sb);
        return sb.toString();
    }

    private static String fileName(String path) {
        String p = path.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return cut < 0 ? p : p.substring(cut + 1);
    }
}
