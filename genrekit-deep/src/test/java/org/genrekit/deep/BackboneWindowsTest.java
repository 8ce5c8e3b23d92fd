package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.genrekit.backbone.mn.WindowPlan;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.input.ChunkPlan;
import org.junit.jupiter.api.Test;

/** A backbone model reads a track in the backbone's own 10 s windows. */
class BackboneWindowsTest {
    @Test
    void windowsAreTheBackbonesWindowPlan() {
        for (int cols : new int[] {1, 37, 999, 1000, 1001, 1999, 2000, 3001, 3002, 10_500}) {
            List<int[]> plan = WindowPlan.windows(cols, 1000);
            List<ChunkPlan.Chunk> ours = ChunkPlan.chunks(InputKind.BACKBONE_MEL, cols, 1000, 1000);
            assertEquals(plan.size(), ours.size(), cols + " columns");
            for (int i = 0; i < plan.size(); i++) {
                assertEquals(new ChunkPlan.Chunk(plan.get(i)[0], plan.get(i)[1] - plan.get(i)[0]), ours.get(i), cols + " columns, window " + i);
            }
        }
    }

    @Test
    void logMelChunksKeepTheirWidthAndCoverTheTrack() {
        assertEquals(List.of(new ChunkPlan.Chunk(0, 64), new ChunkPlan.Chunk(36, 64)), ChunkPlan.chunks(InputKind.SPECTROGRAM, 100, 64, 64));
        assertEquals(List.of(new ChunkPlan.Chunk(0, 64)), ChunkPlan.chunks(InputKind.SPECTROGRAM, 10, 64, 64));
    }
}
