package org.genrekit.batch.tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.core.io.AtomicFiles;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.Tag;

/**
 * Writes a predicted genre into a file's tags without risking the file:
 * <ol>
 *   <li>copy the file to a hidden temporary file in the same folder (same file system, so the
 *       final rename is atomic);</li>
 *   <li>write the tags into the copy;</li>
 *   <li>verify the copy: the tags read back as planned, the audio payload (everything but the tags,
 *       see {@link AudioPayload}) is byte-identical, and it decodes to exactly the same samples;</li>
 *   <li>force the copy to disk, optionally keep the original as {@code FILE.bak}, and rename the
 *       copy over the original in one atomic step.</li>
 * </ol>
 * If anything fails or the process dies at any point, the original is untouched; a leftover
 * temporary file is removed by the next write to the same file.
 */
public final class SafeTagWriter {
    /** Points a write passes, for tests that kill the process there. */
    enum Stage { COPIED, TAGGED, VERIFIED, SYNCED }

    interface StageListener {
        void reached(Stage stage, Path temp);
    }

    // jaudiotagger keeps global state and is not documented as thread-safe; tag I/O is short next to decoding
    private static final ReentrantLock JAUDIOTAGGER = new ReentrantLock();
    private static final LoadOptions NATIVE = new LoadOptions(0, 0, 0, 0);

    private final TagOptions options;
    private final StageListener listener;

    public SafeTagWriter(TagOptions options) {
        this(options, (s, t) -> { });
    }

    SafeTagWriter(TagOptions options, StageListener listener) {
        TagFields.init();
        this.options = options;
        this.listener = listener;
    }

    public TagOptions options() {
        return options;
    }

    /** What writing {@code label} (with {@code probability}) would change; reads the file's tags only. */
    public TagPlan plan(Path file, String label, double probability) throws TagWriteException {
        TagFormat format = format(file);
        List<String> current;
        String currentP;
        JAUDIOTAGGER.lock();
        try {
            Tag tag = AudioFileIO.read(file.toFile()).getTag();
            current = TagFields.genres(tag, format);
            currentP = TagFields.probability(tag, format);
        } catch (Exception e) {
            throw new TagWriteException(file, "cannot read tags: " + e.getMessage(), e);
        } finally {
            JAUDIOTAGGER.unlock();
        }
        String genre = TagPlan.genreText(label);
        String p = options.withProbability() ? String.format(Locale.ROOT, "%.3f", probability) : null;
        List<String> planned = switch (options.policy()) {
            case KEEP -> current.isEmpty() ? List.of(genre) : current;
            case REPLACE -> List.of(genre);
            case APPEND -> {
                List<String> l = new ArrayList<>(current);
                if (l.stream().noneMatch(g -> g.equalsIgnoreCase(genre))) l.add(genre);
                yield l;
            }
        };
        boolean genreChanges = !planned.equals(current);
        // with KEEP, a file that keeps its genre also keeps its probability field: it is about that genre
        boolean pChanges = p != null && !p.equals(currentP) && !(options.policy() == TagPolicy.KEEP && !current.isEmpty());
        return new TagPlan(file, format, current, planned, pChanges || genreChanges ? p : null, options.policy(), genreChanges || pChanges);
    }

    /**
     * Carries out {@code plan}; does nothing when it changes nothing. A symbolic link is followed:
     * its target is tagged (copy, backup and rename happen beside the target) and the link stays a
     * link, instead of being replaced by a tagged copy that would leave the target as it was.
     */
    public void apply(TagPlan plan) throws TagWriteException {
        if (!plan.write()) return;
        Path file = target(plan.file());
        removeStaleTemps(file);
        Path temp = tempName(file);
        try {
            String payloadBefore = AudioPayload.sha256(file, plan.format());
            Signal before = AudioLoader.load(file, NATIVE);

            Files.copy(file, temp, StandardCopyOption.COPY_ATTRIBUTES);
            listener.reached(Stage.COPIED, temp);

            write(temp, plan);
            listener.reached(Stage.TAGGED, temp);

            verify(plan, temp, payloadBefore, before);
            listener.reached(Stage.VERIFIED, temp);

            AtomicFiles.fsync(temp);
            listener.reached(Stage.SYNCED, temp);

            if (options.backup()) backup(file);
            AtomicFiles.moveIntoPlace(temp, file);
        } catch (TagWriteException e) {
            deleteQuietly(temp);
            throw e;
        } catch (AudioDecodeException e) {
            deleteQuietly(temp);
            throw new TagWriteException(file, "cannot decode: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw new TagWriteException(file, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** The file a path names, symbolic links resolved (the path itself when it is no link). */
    private static Path target(Path file) throws TagWriteException {
        if (!Files.isSymbolicLink(file)) return file.toAbsolutePath();
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new TagWriteException(file, "cannot resolve the symbolic link: " + e.getMessage(), e);
        }
    }

    private static TagFormat format(Path file) throws TagWriteException {
        try {
            return TagFormat.of(file);
        } catch (IllegalArgumentException e) {
            throw new TagWriteException(file, e.getMessage(), e);
        }
    }

    private static void write(Path temp, TagPlan plan) throws TagWriteException {
        JAUDIOTAGGER.lock();
        try {
            AudioFile af = AudioFileIO.read(temp.toFile());
            Tag tag = af.getTagOrCreateAndSetDefault();
            if (!plan.planned().equals(plan.current())) TagFields.setGenres(tag, plan.format(), plan.planned());
            if (plan.probability() != null) TagFields.setProbability(tag, plan.format(), plan.probability());
            af.commit();
        } catch (Exception e) {
            throw new TagWriteException(plan.file(), "cannot write tags: " + e.getMessage(), e);
        } finally {
            JAUDIOTAGGER.unlock();
        }
    }

    private static void verify(TagPlan plan, Path temp, String payloadBefore, Signal before) throws IOException {
        Path file = plan.file();
        JAUDIOTAGGER.lock();
        try {
            Tag tag = AudioFileIO.read(temp.toFile()).getTag();
            List<String> got = TagFields.genres(tag, plan.format());
            if (!got.equals(plan.planned())) {
                throw new TagWriteException(file, "verification failed: genres read back as " + got + ", expected " + plan.planned(), null);
            }
            if (plan.probability() != null && !plan.probability().equals(TagFields.probability(tag, plan.format()))) {
                throw new TagWriteException(file, "verification failed: probability did not read back", null);
            }
        } catch (TagWriteException e) {
            throw e;
        } catch (Exception e) {
            throw new TagWriteException(file, "verification failed: tags unreadable after writing: " + e.getMessage(), e);
        } finally {
            JAUDIOTAGGER.unlock();
        }
        String payloadAfter = AudioPayload.sha256(temp, plan.format());
        if (!payloadAfter.equals(payloadBefore)) {
            throw new TagWriteException(file, "verification failed: the audio data changed (payload SHA-256 differs)", null);
        }
        Signal after = AudioLoader.load(temp, NATIVE);
        if (after.sampleRate() != before.sampleRate() || after.length() != before.length()) {
            throw new TagWriteException(file, "verification failed: decodes to " + after.length() + " samples at " + after.sampleRate()
                    + " Hz instead of " + before.length() + " at " + before.sampleRate() + " Hz", null);
        }
        if (!Arrays.equals(after.samples(), before.samples())) {
            throw new TagWriteException(file, "verification failed: decoded samples differ", null);
        }
    }

    /** Keeps the original as FILE.bak (FILE.bak.1, ... when that exists): a hard link costs no copy. */
    private static void backup(Path file) throws IOException {
        Path bak = file.resolveSibling(file.getFileName() + ".bak");
        for (int i = 1; Files.exists(bak); i++) bak = file.resolveSibling(file.getFileName() + ".bak." + i);
        try {
            Files.createLink(bak, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, bak, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static Path tempName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        // hidden, recognisable, and ending in the real extension (jaudiotagger picks its format by it)
        return file.resolveSibling("." + name + ".genrekit-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ext);
    }

    /** Deletes temporary copies of {@code file} left by a killed earlier write. */
    static void removeStaleTemps(Path file) throws TagWriteException {
        String prefix = "." + file.getFileName() + ".genrekit-";
        Path dir = file.toAbsolutePath().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new TagWriteException(file, "cannot clean up old temporary files: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp is removed by the next write to this file
        }
    }
}
