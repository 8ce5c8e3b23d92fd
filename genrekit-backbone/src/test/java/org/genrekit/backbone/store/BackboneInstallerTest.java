package org.genrekit.backbone.store;

import org.genrekit.core.hash.Sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.backbone.weights.NpzReader;
import org.genrekit.backbone.weights.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneInstallerTest {
    private static final BackboneSpec MN04 = BackboneSpec.MN04;

    @TempDir
    Path home;
    @TempDir
    Path work;
    private TempHome tempHome;

    @BeforeEach
    void useTempHome() {
        tempHome = new TempHome(home);
    }

    @AfterEach
    void restoreHome() {
        tempHome.close();
    }

    private static void assertSameAsNpz(Map<String, Tensor> got) throws IOException {
        Map<String, Tensor> npz = NpzReader.read(TestArchives.sharedNpz());
        assertEquals(List.copyOf(npz.keySet()), List.copyOf(got.keySet()));
        for (Tensor t : npz.values()) {
            assertArrayEquals(t.shape(), got.get(t.name()).shape(), t.name());
            assertArrayEquals(t.data(), got.get(t.name()).data(), t.name());
        }
    }

    @Test
    void installsThePublishedPt() throws IOException {
        Path pt = TestArchives.sharedPt();
        InstalledBackbone b = BackboneInstaller.install(MN04, pt, null, null);
        assertEquals(b, Backbones.require("mn04"));
        assertEquals(MN04.sha256(), b.sha256());
        assertEquals(MN04.bytes(), b.bytes());
        assertEquals(pt.toAbsolutePath().normalize().toString(), b.source());
        assertEquals(MN04.licence(), b.licence());
        assertSameAsNpz(Backbones.loadWeights(b));
        assertEquals(List.of("mn04"), TempHome.backbonesContent(), "no temporary folder is left");
        Map<?, ?> info = new ObjectMapper().readValue(BackboneHome.dir("mn04").resolve(Backbones.INFO).toFile(), Map.class);
        assertEquals("mn04", info.get("name"));
        assertEquals("pt", info.get("format"));
        assertTrue(String.valueOf(info.get("installed")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), String.valueOf(info.get("installed")));
        assertEquals(List.of(b), Backbones.list());
    }

    @Test
    void installsTheNpzWithItsOwnChecksumAndReplacesAnOlderInstall() throws IOException {
        BackboneInstaller.install(MN04, TestArchives.sharedPt(), null, "first");
        String sha = Sha256.hexOf(TestArchives.sharedNpz());
        InstalledBackbone b = BackboneInstaller.install(MN04, TestArchives.sharedNpz(), sha.toUpperCase(), "https://example.org/state_dict.npz");
        assertEquals(sha, b.sha256());
        assertEquals("https://example.org/state_dict.npz", Backbones.require("mn04").source());
        assertSameAsNpz(Backbones.loadWeights(b));
        assertEquals(List.of("mn04"), TempHome.backbonesContent(), "the old installation is gone");
    }

    @Test
    void theNpzNeedsItsChecksum() {
        IOException e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, TestArchives.sharedNpz(), null, null));
        assertTrue(e.getMessage().startsWith("checksum mismatch: expected " + MN04.sha256() + ", got "), e.getMessage());
        assertTrue(e.getMessage().contains("this is not the published mn04 weights file"), e.getMessage());
        assertTrue(e.getMessage().contains("pass --sha256 for another trusted copy"), e.getMessage());
        assertTrue(e.getMessage().contains(".npz"), e.getMessage());
    }

    @Test
    void wrongChecksumInstallsNothingAndKeepsTheOldInstall() throws IOException {
        String zeros = "0".repeat(64);
        IOException e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, TestArchives.sharedPt(), zeros, null));
        assertEquals("checksum mismatch: expected " + zeros + ", got " + MN04.sha256() + "; the file is not the copy --sha256 names (damaged or incomplete?)", e.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());
        assertTrue(Backbones.find("mn04").isEmpty());

        InstalledBackbone old = BackboneInstaller.install(MN04, TestArchives.sharedPt(), null, null);
        assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, TestArchives.sharedNpz(), zeros, null));
        assertEquals(old, Backbones.require("mn04"));
        assertEquals(List.of("mn04"), TempHome.backbonesContent());
    }

    @Test
    void aTruncatedCopyIsAOneLineError() throws IOException {
        Path cut = work.resolve("mn04_as_mAP_432.pt");
        TestArchives.copyPrefix(TestArchives.sharedPt(), cut, 2 << 20);
        IOException e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, cut, Sha256.hexOf(cut), null));
        assertTrue(e.getMessage().startsWith(cut + " is damaged or truncated"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());
    }

    @Test
    void anotherModelsWeightsAreRefused() throws IOException {
        Map<String, int[]> other = new LinkedHashMap<>();
        other.put("conv1.weight", new int[] {16, 1, 3, 3});
        other.put("fc.weight", new int[] {10, 16});
        Map<String, Tensor> t = TestArchives.random(other, 7);
        for (Path f : List.of(TestArchives.npz(work.resolve("other.npz"), t), TestArchives.pt(work.resolve("other.pt"), t))) {
            IOException e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, f, Sha256.hexOf(f), null));
            assertEquals("not mn04 weights: " + f + " has no tensor features.0.0.weight [8, 1, 3, 3] (it holds 2 tensors, mn04 needs 266)", e.getMessage());
        }
        assertEquals(List.of(), TempHome.backbonesContent());
    }

    @Test
    void aWrongShapeOrAnExtraTensorIsNamed() throws IOException {
        Map<String, Tensor> mn04 = new LinkedHashMap<>(NpzReader.read(TestArchives.sharedNpz()));
        Tensor c5 = mn04.get("classifier.5.weight");
        Map<String, Tensor> reshaped = new LinkedHashMap<>(mn04);
        reshaped.put(c5.name(), new Tensor(c5.name(), new int[] {512, 527}, c5.data()));
        Path f = TestArchives.npz(work.resolve("reshaped.npz"), reshaped);
        IOException e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, f, Sha256.hexOf(f), null));
        assertEquals("not mn04 weights: " + f + ": tensor classifier.5.weight has shape [512, 527], mn04 needs [527, 512]", e.getMessage());

        Map<String, Tensor> extra = new LinkedHashMap<>(mn04);
        extra.put("head.weight", new Tensor("head.weight", new int[] {2}, new float[] {1, 2}));
        Path g = TestArchives.pt(work.resolve("extra.pt"), extra);
        e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, g, Sha256.hexOf(g), null));
        assertEquals("not mn04 weights: " + g + " holds tensor head.weight, which mn04 does not have", e.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());

        // the same tensors re-saved by us as a .pt install fine: the reader does not depend on the published file's quirks
        Path h = TestArchives.pt(work.resolve("resaved.pt"), mn04);
        assertSameAsNpz(Backbones.loadWeights(BackboneInstaller.install(MN04, h, Sha256.hexOf(h), null)));
    }

    @Test
    void otherFilesAndBadArguments() throws IOException {
        Path text = Files.writeString(work.resolve("weights.pt"), "<html>rate limited</html>");
        String sha = Sha256.hexOf(text);
        IOException e = assertThrows(IOException.class, () -> BackboneInstaller.install(MN04, text, sha, null));
        assertEquals(text + " is neither a PyTorch .pt nor a numpy .npz file", e.getMessage());
        Path missing = work.resolve("nope.pt");
        assertEquals(missing + ": no such file", assertThrows(NoSuchFileException.class, () -> BackboneInstaller.install(MN04, missing, null, null)).getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> BackboneInstaller.install(MN04, text, "abc", null));
        assertEquals("--sha256 must be 64 hexadecimal digits, got 'abc'", bad.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());
    }
}
