package org.genrekit.backbone.store;

import java.nio.file.Path;

/**
 * Where installed backbones live: {@code $GENREKIT_HOME/backbones/NAME/}, with {@code GENREKIT_HOME}
 * defaulting to {@code ~/.local/share/genrekit} (the XDG data folder). The system property
 * {@code genrekit.home} overrides the environment (tests use it).
 */
public final class BackboneHome {
    private BackboneHome() {
    }

    public static Path home() {
        String p = System.getProperty("genrekit.home");
        if (p == null || p.isBlank()) p = System.getenv("GENREKIT_HOME");
        if (p != null && !p.isBlank()) return Path.of(p);
        return Path.of(System.getProperty("user.home"), ".local", "share", "genrekit");
    }

    public static Path backbones() {
        return home().resolve("backbones");
    }

    /**
     * Points this JVM at another home until the returned handle is closed (then the previous value
     * is back). For embedding applications and tests; not thread-confined.
     */
    public static AutoCloseable use(Path home) {
        String previous = System.getProperty("genrekit.home");
        System.setProperty("genrekit.home", home.toString());
        return () -> {
            if (previous == null) System.clearProperty("genrekit.home");
            else System.setProperty("genrekit.home", previous);
        };
    }

    /** The folder of one installed backbone (it may not exist). */
    public static Path dir(String name) {
        return backbones().resolve(name);
    }
}
