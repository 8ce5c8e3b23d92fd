package org.genrekit.backbone.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.genrekit.backbone.weights.NpzReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pretrained weights are not ours to redistribute: no file of the repository (tracked, or
 * untracked and not ignored) may be or contain them, in any form we can recognise.
 */
class NoWeightsInRepositoryTest {
    private static final List<String> TENSORS = List.of("classifier.5.weight", "features.16.0.weight", "classifier.2.weight");
    private static WeightsFingerprint fingerprint;

    @BeforeAll
    static void fingerprint() throws IOException {
        String shared = System.getProperty("genrekit.shared");
        Path dir = shared == null ? null : Path.of(shared, "pretrained", "efficientat-mn04-as");
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("mn04_as_mAP_432.pt")) && Files.isRegularFile(dir.resolve("state_dict.npz")),
                "shared mn04 weights not found (system property genrekit.shared=" + shared + "); skipping the repository guard");
        Set<String> shas = Set.of(WeightsFingerprint.sha256(Files.readAllBytes(dir.resolve("mn04_as_mAP_432.pt"))),
                WeightsFingerprint.sha256(Files.readAllBytes(dir.resolve("state_dict.npz"))));
        fingerprint = new WeightsFingerprint(shas, NpzReader.read(dir.resolve("state_dict.npz")), TENSORS);
    }

    /** The project root: the parent of this module's folder (surefire runs in the module). */
    private static Path projectRoot() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = module.getParent();
        assumeTrue(root != null && Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("genrekit-backbone")),
                "cannot find the project root above " + module + "; skipping");
        return root;
    }

    /** {@code git ls-files} output (NUL-separated), or a skip when git is unavailable. */
    private static List<String> git(Path root, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString(), "ls-files", "-z"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            assumeTrue(done && p.exitValue() == 0, "git ls-files failed in " + root + " (not a git checkout?); skipping");
            String s = new String(out, StandardCharsets.UTF_8);
            return s.isEmpty() ? List.of() : List.of(s.split("\0"));
        } catch (IOException e) {
            assumeTrue(false, "git is not available (" + e.getMessage() + "); skipping");
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void noRepositoryFileIsOrHoldsTheWeights() throws IOException {
        Path root = projectRoot();
        Set<String> files = new LinkedHashSet<>(git(root));
        files.addAll(git(root, "--others", "--exclude-standard"));
        assertTrue(files.size() > 50, "git lists only " + files.size() + " files in " + root);
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        for (String f : files) {
            Path p = root.resolve(f);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue; // deleted in the work tree, a link, a submodule
            offences.addAll(fingerprint.offences(f, Files.readAllBytes(p)));
            scanned++;
        }
        assertTrue(scanned > 50, "scanned only " + scanned + " files");
        assertEquals(List.of(), offences, "the pretrained weights must never enter the repository");
    }

    @Test
    void theGuardCatchesWeightsPlainZippedAndCopied(@TempDir Path dir) throws IOException {
        Random r = new Random(4);
        byte[] noise = new byte[5000];
        r.nextBytes(noise);
        var runs = List.copyOf(fingerprint.runs().entrySet());
        assertEquals(6, runs.size());

        Path clean = write(dir.resolve("clean.bin"), noise);
        assertEquals(List.of(), fingerprint.offences("clean.bin", Files.readAllBytes(clean)));

        for (var run : runs) { // every run on its own, in the middle of noise
            byte[] b = concat(noise, run.getValue(), noise);
            List<String> o = fingerprint.offences("plain.bin", b);
            assertEquals(1, o.size(), o.toString());
            assertTrue(o.getFirst().contains(run.getKey()) && o.getFirst().contains("offset 5000"), o.toString());
        }

        Path bundle = dir.resolve("model.gkm"); // deflated inside a zip inside a zip
        byte[] inner = zip("weights.bin", concat(noise, runs.get(3).getValue()));
        Files.write(bundle, zip("nested.zip", inner));
        List<String> o = fingerprint.offences("model.gkm", Files.readAllBytes(bundle));
        assertFalse(o.isEmpty(), "a deflated run inside nested zips is found");
        assertTrue(o.stream().anyMatch(s -> s.startsWith("model.gkm!/nested.zip!/weights.bin: holds the first 256 bytes of " + runs.get(3).getKey())), o.toString());

        String shared = System.getProperty("genrekit.shared");
        byte[] npz = Files.readAllBytes(Path.of(shared, "pretrained", "efficientat-mn04-as", "state_dict.npz"));
        assertTrue(fingerprint.offences("copy.npz", npz).stream().anyMatch(s -> s.equals("copy.npz: is a weights file (SHA-256 " + WeightsFingerprint.sha256(npz) + ")")));
        byte[] pt = Files.readAllBytes(Path.of(shared, "pretrained", "efficientat-mn04-as", "mn04_as_mAP_432.pt"));
        assertTrue(fingerprint.offences("renamed.txt", pt).stream().anyMatch(s -> s.startsWith("renamed.txt: is a weights file")));
        assertTrue(fingerprint.offences("lib.jar", zip("res/mn04.bin", pt)).stream().anyMatch(s -> s.startsWith("lib.jar!/res/mn04.bin: is a weights file")));
    }

    private static Path write(Path p, byte[] b) throws IOException {
        return Files.write(p, b);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }
}
