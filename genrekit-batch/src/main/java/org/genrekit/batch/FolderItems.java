package org.genrekit.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The batch items of a folder: every file under it that {@code accept} takes (no labels; a
 * labelled folder per genre is the dataset source {@code org.genrekit.data.source.FolderSource}),
 * depth first, each directory's entries in name order. Only one
 * directory listing per level is held at a time, so memory follows the tree's depth and widest
 * folder, not the number of files. Hidden entries (".name") are skipped; links are not followed.
 */
public final class FolderItems implements ItemSource {
    private final Path root;
    private final Predicate<Path> accept;

    public FolderItems(Path root, Predicate<Path> accept) {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("not a folder: " + root);
        this.root = root.toAbsolutePath().normalize();
        this.accept = accept;
    }

    @Override
    public String name() {
        return "files under " + root;
    }

    @Override
    public Stream<BatchItem> open() {
        Iterator<Path> it = new Walk(root);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .filter(accept)
                .map(p -> new BatchItem(ItemIds.of(p), p));
    }

    /** Depth-first walk keeping a stack of sorted listings. */
    private static final class Walk implements Iterator<Path> {
        private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
        private Path next;

        Walk(Path root) {
            stack.push(list(root));
        }

        private static Iterator<Path> list(Path dir) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) if (!p.getFileName().toString().startsWith(".")) entries.add(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list folder " + dir + ": " + e.getMessage(), e);
            }
            entries.sort(null);
            return entries.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Iterator<Path> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Path p = top.next();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) stack.push(list(p));
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) next = p;
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) throw new NoSuchElementException();
            Path p = next;
            next = null;
            return p;
        }
    }
}
