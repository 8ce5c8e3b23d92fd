package org.genrekit.serve;

import java.nio.file.Path;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;

/** Decodes an upload; injected so that the service can be tested apart from FFmpeg. */
@FunctionalInterface
public interface AudioDecoder {
    Signal decode(Path file, LoadOptions options) throws AudioDecodeException;

    /** The project's decoder (FFmpeg through {@link AudioLoader}). */
    static AudioDecoder ffmpeg() {
        return AudioLoader::load;
    }
}
