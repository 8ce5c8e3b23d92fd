package org.genrekit.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.genrekit.audio.PathProblems;
import org.genrekit.data.source.MediaFiles;

/**
 * Turns command-line inputs into one {@link ItemSource}, in the order given:
 * <ul>
 *   <li>a folder: every audio file below it, streamed;</li>
 *   <li>an audio file: that file;</li>
 *   <li>a {@code .csv} with a {@code path} column (a dataset manifest, say), or a {@code .txt}/{@code .m3u}/{@code .m3u8} list: a file list, streamed;</li>
 *   <li>{@code KIND:LOCATION[?options]} or a {@code .spec} file: a dataset spec (see docs/datasets.md).</li>
 * </ul>
 */
public final class Inputs {
    private static final List<String> SPEC_KINDS = List.of("gtzan:", "fma:", "folder:", "manifest:");

    private Inputs() {
    }

    public static ItemSource of(List<String> inputs) throws IOException {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input given: name folders, audio files, file lists or dataset specs");
        List<ItemSource> sources = new ArrayList<>();
        for (String in : inputs) sources.add(one(in));
        return sources.size() == 1 ? sources.get(0) : new Concat(sources);
    }

    static ItemSource one(String in) throws IOException {
        String lower = in.toLowerCase(Locale.ROOT);
        if (SPEC_KINDS.stream().anyMatch(lower::startsWith) || lower.endsWith(".spec") || lower.contains("?")) {
            return new DatasetSpecSource(in);
        }
        Path p = Path.of(in);
        if (Files.isDirectory(p)) return new FolderItems(p, MediaFiles::isAudio);
        if (!Files.exists(p)) {
            PathProblems.Problem why = PathProblems.of(p);
            throw new IllegalArgumentException(why == null || why.detail().equals("no such file")
                    ? "input not found: " + in : "input " + in + ": " + why.detail());
        }
        if (MediaFiles.isAudio(p)) return new SingleFile(p);
        if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".m3u") || lower.endsWith(".m3u8")) {
            return new FileListItems(p);
        }
        throw new IllegalArgumentException("input '" + in + "' is neither a folder, an audio file ("
                + String.join(", ", MediaFiles.AUDIO.stream().sorted().toList()) + "), a file list (.csv with a path column, .txt, .m3u) nor a dataset spec");
    }

    private record SingleFile(Path file) implements ItemSource {
        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public Stream<BatchItem> open() {
            return Stream.of(new BatchItem(ItemIds.of(file), file));
        }
    }

    private record Concat(List<ItemSource> parts) implements ItemSource {
        @Override
        public String name() {
            return parts.stream().map(ItemSource::name).collect(Collectors.joining(" + "));
        }

        @Override
        public Stream<BatchItem> open() {
            return parts.stream().flatMap(s -> {
                try {
                    return s.open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
