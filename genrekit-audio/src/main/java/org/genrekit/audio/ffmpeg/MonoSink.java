package org.genrekit.audio.ffmpeg;

/** Where a decoder puts native-rate mono frames: it keeps librosa's offset/duration window of them. */
interface MonoSink {
    /**
     * Offers {@code n} mono frames from {@code src}; keeps only those inside the window.
     *
     * @return false when they cannot be kept (a buffer would outgrow the largest Java array)
     */
    boolean offer(float[] src, int n);

    /** True once every frame of the window has been seen: decoding can stop. */
    boolean full();

    /** Frames offered so far, inside the window or not. */
    long framesSeen();

    /** Frames of the window kept so far. */
    long size();
}
