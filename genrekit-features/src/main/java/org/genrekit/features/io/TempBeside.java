package org.genrekit.features.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * An empty temporary file beside a file about to be written (then renamed onto it), created with
 * the user's default mode: 0666 less the umask, as numpy's {@code np.save} or any shell redirect
 * gives. {@link Files#createTempFile} makes it 0600, and the renamed result kept that.
 */
public final class TempBeside {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempBeside() {
    }

    /** Creates {@code .NAME.RANDOM.tmp} in {@code file}'s folder (which must exist). */
    public static Path create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) throw e;
            }
        }
    }
}
