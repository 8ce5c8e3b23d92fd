package org.genrekit.backbone.store;

/** A model or recipe needs a backbone that is not installed; the message says how to install it. */
public final class BackboneMissingException extends IllegalStateException {
    private final String backbone;

    public BackboneMissingException(String backbone, String message) {
        super(message);
        this.backbone = backbone;
    }

    public String backbone() {
        return backbone;
    }

    /** The standard one-line message for {@code spec}. */
    public static BackboneMissingException of(BackboneSpec spec, String why) {
        return new BackboneMissingException(spec.name(), why + "; install it with: " + spec.installHint());
    }
}
