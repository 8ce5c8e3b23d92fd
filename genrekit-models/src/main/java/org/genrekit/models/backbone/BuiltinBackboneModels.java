package org.genrekit.models.backbone;

import java.util.LinkedHashMap;
import java.util.Map;
import org.genrekit.backbone.audioset.GenreMapping;
import org.genrekit.backbone.mn.Mn04Backbone;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.store.InstalledBackbone;
import org.genrekit.core.provenance.Versions;

/** Models on the installed mn04 backbone that need no training: AudioSet's genres, as they are or mapped. */
public final class BuiltinBackboneModels {
    private BuiltinBackboneModels() {
    }

    /** Zero-shot over AudioSet's 50 music genres, answered in AudioSet's names. */
    public static BackboneClassifier audioSetGenres() {
        return zeroShot("audioset-genres", GenreMapping.audioSet());
    }

    /** Zero-shot GTZAN genres through {@link GenreMapping#GTZAN}. */
    public static BackboneClassifier gtzanZeroShot() {
        return zeroShot("audioset-to-gtzan", GenreMapping.gtzanDefault());
    }

    public static BackboneClassifier zeroShot(String name, GenreMapping mapping) {
        InstalledBackbone b = Backbones.require(Mn04Backbone.NAME);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("backbone", Map.of("name", b.name(), "sha256", b.sha256()));
        meta.put("mapping", mapping.byName());
        return new BackboneClassifier(name, Versions.built().genrekit(), mapping, null, mapping.labels(), 0, null, 30, meta);
    }
}
