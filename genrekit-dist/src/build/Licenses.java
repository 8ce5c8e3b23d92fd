import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Build step of the distribution (run by assemble.sh as a single-file program): writes
 * OUT/THIRD-PARTY.md, a table of every third-party runtime jar with its licence as its POM (or a
 * parent POM) declares it, and copies each jar's own licence and notice files to OUT/JAR/.
 * Usage: java Licenses.java OUT JAR...
 */
public final class Licenses {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        StringBuilder table = new StringBuilder("""
                # Third-party libraries in lib/

                Genrekit itself (the genrekit-*.jar files) is GPL-3.0-or-later (../LICENSE). Each library below keeps its
                own licence, as its Maven POM declares it; the licence and notice files a jar carries are copied to the
                folder of the jar's name beside this file.

                | jar | Maven coordinates | licence |
                |---|---|---|
                """);
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            String file = jar.getFileName().toString();
            if (file.startsWith("genrekit-")) continue;
            Path dir = jar.getParent();
            String version = dir.getFileName().toString();
            String artifact = dir.getParent().getFileName().toString();
            Path pom = dir.resolve(artifact + "-" + version + ".pom");
            List<String> licences = new ArrayList<>();
            String group = "?";
            if (Files.isRegularFile(pom)) {
                Element project = parse(pom);
                group = text(project, "groupId");
                if (group == null) group = text(child(project, "parent"), "groupId");
                licences = licences(project, repositoryRoot(dir, group, artifact, version), 0);
            }
            table.append("| ").append(file).append(" | ").append(group).append(':').append(artifact).append(':').append(version)
                    .append(" | ").append(licences.isEmpty() ? "see the jar's own files" : String.join("; ", licences)).append(" |\n");
            copyLicenceFiles(jar, out.resolve(file.substring(0, file.length() - 4)));
        }
        Files.writeString(out.resolve("THIRD-PARTY.md"), table);
    }

    private static Path repositoryRoot(Path dir, String group, String artifact, String version) {
        Path p = dir;
        int depth = group.split("\\.").length + 2;
        for (int i = 0; i < depth && p != null; i++) p = p.getParent();
        return p;
    }

    /** The POM's licences, else its parent's (as Maven inherits them). */
    private static List<String> licences(Element project, Path repo, int depth) throws Exception {
        List<String> out = new ArrayList<>();
        Element list = child(project, "licenses");
        if (list != null) {
            NodeList ls = list.getElementsByTagName("license");
            for (int i = 0; i < ls.getLength(); i++) {
                Element l = (Element) ls.item(i);
                String name = text(l, "name");
                String url = text(l, "url");
                out.add((name != null ? name.strip().replaceAll("\\s+", " ") : "?") + (url != null ? " (" + url.strip() + ")" : ""));
            }
        }
        Element parent = child(project, "parent");
        if (out.isEmpty() && parent != null && repo != null && depth < 8) {
            String g = text(parent, "groupId");
            String a = text(parent, "artifactId");
            String v = text(parent, "version");
            if (g != null && a != null && v != null) {
                Path pom = repo.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
                if (Files.isRegularFile(pom)) return licences(parse(pom), repo, depth + 1);
            }
        }
        return out;
    }

    private static void copyLicenceFiles(Path jar, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String n = e.getName();
                String base = n.substring(n.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
                boolean meta = n.startsWith("META-INF/") && n.indexOf('/', 9) < 0;
                if (e.isDirectory() || !meta || !(base.contains("LICENSE") || base.contains("LICENCE") || base.startsWith("NOTICE"))) {
                    continue;
                }
                if (base.endsWith(".CLASS") || e.getSize() > 1 << 20) continue;
                Files.createDirectories(dir);
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dir.resolve(n.substring(9)));
                }
            }
        }
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(pom.toFile());
        return d.getDocumentElement();
    }

    private static Element child(Element e, String name) {
        if (e == null) return null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c;
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().strip();
    }
}
