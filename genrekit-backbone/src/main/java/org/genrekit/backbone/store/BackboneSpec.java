package org.genrekit.backbone.store;

import java.util.List;
import java.util.Optional;

/**
 * A backbone Genrekit knows how to run: its name, the published weights file's identity, where
 * users download it and under which licence. The weights themselves are never part of Genrekit.
 *
 * @param name        short name used on the command line ({@code mn04})
 * @param title       what it is, for listings
 * @param fileName    the published file's name
 * @param sha256      SHA-256 of the published file
 * @param bytes       size of the published file
 * @param url         where the authors publish it: only shown to users in messages and listings;
 *                    Genrekit downloads nothing except a URL the user passes to {@code backbone install --url}
 * @param licence     its licence, as the authors state it
 * @param tensorCount number of float tensors the network needs
 */
public record BackboneSpec(String name, String title, String fileName, String sha256, long bytes, String url,
                           String licence, int tensorCount) {
    /** EfficientAT mn04 trained on AudioSet (Schmid, Koutini, Widmer, ICASSP 2023), mAP 0.432. */
    public static final BackboneSpec MN04 = new BackboneSpec("mn04",
            "EfficientAT MobileNetV3 width 0.4, AudioSet (527 classes), mAP 0.432",
            "mn04_as_mAP_432.pt",
            "899a8c6217063f6941793102a2780b3dd788ab11fce468d9cf5f0577c453321c",
            4_066_513L,
            "https://github.com/fschmid56/EfficientAT/releases/download/v0.0.1/mn04_as_mAP_432.pt",
            "MIT (c) 2022 Florian Schmid; https://github.com/fschmid56/EfficientAT",
            266);

    public static final List<BackboneSpec> KNOWN = List.of(MN04);

    /**
     * How a user installs these weights, for messages: the published URL is only shown; Genrekit
     * fetches nothing unless the user runs {@code backbone install --url} with it.
     */
    public String installHint() {
        return "genrekit backbone install " + name + " --from FILE (download " + url + ", " + licence.split(";")[0] + ") or --url URL";
    }

    public static Optional<BackboneSpec> find(String name) {
        return KNOWN.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static BackboneSpec require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown backbone '" + name + "' (known: "
                + String.join(", ", KNOWN.stream().map(BackboneSpec::name).toList()) + ")"));
    }
}
