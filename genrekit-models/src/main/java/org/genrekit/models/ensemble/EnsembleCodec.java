package org.genrekit.models.ensemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.BundleCodec;
import org.genrekit.models.bundle.BundleException;
import org.genrekit.models.bundle.BundleWriter;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.classical.Manifests;

/**
 * Bundle kind "ensemble": several bundle files embedded whole ({@code members/NN.gkm}, each
 * verified again when loaded) with weights; see {@link BundleEnsemble}.
 */
public final class EnsembleCodec implements BundleCodec {
    public static final String KIND = "ensemble";

    @Override
    public String kind() {
        return KIND;
    }

    /** Builds an ensemble bundle from member bundle files (they are checked by loading them first). */
    public static GenreClassifier write(Path out, String name, List<Path> memberFiles, double[] weights, Map<String, Object> extra) throws IOException {
        if (memberFiles.size() < 2) throw new IllegalArgumentException("an ensemble of bundles needs at least 2 member files, got " + memberFiles.size());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<GenreClassifier> loaded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < memberFiles.size(); i++) {
            byte[] data = ModelBundles.readFile(memberFiles.get(i));
            loaded.add(ModelBundles.load(memberFiles.get(i), data));
            entries.put(String.format("members/%02d.gkm", i), data);
            names.add(memberFiles.get(i).getFileName().toString());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("labels", BundleEnsemble.unionLabels(loaded));
        m.put("recipe", loaded.get(0).recipe().id());
        m.put("members", names);
        m.put("weights", toList(weights));
        m.putAll(extra);
        BundleWriter.write(out, KIND, m, entries);
        for (GenreClassifier c : loaded) c.close();
        return ModelBundles.load(out);
    }

    private static List<Double> toList(double[] w) {
        List<Double> l = new ArrayList<>();
        for (double d : w) l.add(d);
        return l;
    }

    @Override
    public GenreClassifier read(Path file, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException {
        List<String> keys = entries.keySet().stream().filter(k -> k.startsWith("members/")).sorted().toList();
        if (keys.isEmpty()) throw new BundleException(file, "damaged model bundle: the ensemble has no members");
        double[] w = new double[keys.size()];
        java.util.Arrays.fill(w, 1);
        if (manifest.get("weights") instanceof List<?> ws) {
            if (ws.size() != w.length) throw new BundleException(file, "damaged model bundle: " + ws.size() + " weights for " + w.length + " members");
            for (int i = 0; i < w.length; i++) w[i] = ((Number) ws.get(i)).doubleValue();
        }
        List<GenreClassifier> members = new ArrayList<>();
        for (String k : keys) members.add(ModelBundles.load(Path.of(file + "!" + k), entries.get(k)));
        try {
            return new BundleEnsemble(Manifests.string(file, manifest, "name"), Manifests.version(manifest), members, w, manifest);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, e.getMessage());
        }
    }
}
