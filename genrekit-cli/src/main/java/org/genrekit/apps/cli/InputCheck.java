package org.genrekit.apps.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.PathProblems;

/**
 * Checks that a command's input can be opened before the command loads anything heavy (a model,
 * a network, a backbone): a missing file is then reported at once, by name.
 */
public final class InputCheck {
    private InputCheck() {
    }

    /** {@code audio} when it can be opened; else the AudioDecodeException its decoding would give. */
    public static Path audio(Path audio) throws AudioDecodeException {
        PathProblems.Problem p = PathProblems.of(audio);
        if (p != null) throw new AudioDecodeException(audio, p.reason(), p.detail());
        return audio;
    }

    /** {@code file} when it is a regular file; else a NoSuchFileException saying what it should have been. */
    public static Path file(Path file, String what) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, what + " not found");
        return file;
    }
}
