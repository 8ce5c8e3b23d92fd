package org.genrekit.backbone.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.genrekit.backbone.weights.Tensor;
import org.genrekit.core.hash.Sha256;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.core.io.Trees;

/**
 * Installs a backbone from weights the user downloaded: checks the file's SHA-256, reads it (a
 * {@code .pt} state dict or an {@code .npz}, by content), checks every tensor's name and shape
 * against the backbone's {@link TensorLayout}, converts it to a {@link WeightsFile} and puts the
 * folder {@code backbones/NAME} in place with one rename. On any failure nothing is left behind
 * and an older installation stays as it was.
 */
public final class BackboneInstaller {
    private static final System.Logger LOG = System.getLogger(BackboneInstaller.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BackboneInstaller() {
    }

    /**
     * @param spec           the backbone to install
     * @param from           the downloaded file
     * @param expectedSha256 SHA-256 of {@code from} the user vouches for; {@code null} for the
     *                       published file's ({@link BackboneSpec#sha256()}, which fits the
     *                       published {@code .pt} only)
     * @param source         where the file came from, for the record; {@code null} for {@code from}'s path
     * @return the installation
     * @throws IllegalArgumentException when {@code expectedSha256} is not 64 hex digits
     * @throws IOException              with a one-line reason when the file is missing, is not the
     *                                  expected file, is damaged, or is not this backbone's weights
     */
    public static InstalledBackbone install(BackboneSpec spec, Path from, String expectedSha256, String source) throws IOException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(from, "from");
        String expected = Checksums.expected(spec, expectedSha256);
        if (!Files.isRegularFile(from)) throw new NoSuchFileException(from.toString(), null, "no such file");
        String src = source != null ? source : from.toAbsolutePath().normalize().toString();
        long bytes = Files.size(from);
        String sha = Sha256.hexOf(from);
        if (!sha.equals(expected)) throw new IOException(Checksums.mismatch(spec, expected, sha));

        WeightsImport.Format format = WeightsImport.detect(from);
        Map<String, Tensor> tensors = WeightsImport.read(from);
        TensorLayout layout = TensorLayout.of(spec);
        String why = layout.mismatch(tensors, from.toString());
        if (why != null) throw new IOException("not " + spec.name() + " weights: " + why);
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : layout.shapes().keySet()) ordered.put(name, tensors.get(name));
        if (!Sha256.hexOf(from).equals(sha)) throw new IOException(from + " changed while it was being installed; try again");

        Path backbones = Files.createDirectories(BackboneHome.backbones());
        Path fresh = Files.createDirectory(backbones.resolve(".install-" + spec.name() + "-" + UUID.randomUUID())); // the umask's permissions, unlike a temp dir's 700
        try {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("backbone", spec.name());
            meta.put("sha256", sha);
            Path weights = fresh.resolve(Backbones.WEIGHTS);
            WeightsFile.write(weights, ordered, meta);
            if (WeightsFile.read(weights).tensors().size() != ordered.size()) throw new IOException(weights + " does not read back");
            JSON.writeValue(fresh.resolve(Backbones.INFO).toFile(), record(spec, sha, bytes, src, format));
            AtomicFiles.replaceFolder(fresh, BackboneHome.dir(spec.name()));
        } catch (IOException | RuntimeException e) {
            Trees.deleteQuietly(fresh, e);
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "installed backbone {0} ({1} tensors) in {2} from {3}", spec.name(), ordered.size(), BackboneHome.dir(spec.name()), src);
        return Backbones.find(spec.name()).orElseThrow(() -> new IOException("backbone " + spec.name() + " vanished right after its installation"));
    }

    private static Map<String, Object> record(BackboneSpec spec, String sha, long bytes, String source, WeightsImport.Format format) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("sha256", sha);
        m.put("bytes", bytes);
        m.put("source", source);
        m.put("licence", spec.licence());
        m.put("installed", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        m.put("tensors", spec.tensorCount());
        return m;
    }
}
