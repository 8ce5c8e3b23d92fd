package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.search.Hyperband;
import org.genrekit.deep.train.TrainConfig;
import org.junit.jupiter.api.Test;

class HyperbandTest {
    @Test
    void bracketsFollowSuccessiveHalving() {
        Hyperband hb = new Hyperband(9, 3, t -> { });
        assertEquals(3, hb.brackets());
        List<int[]> s2 = hb.rounds(2);
        assertArrayEquals(new int[] {9, 1}, s2.get(0));
        assertArrayEquals(new int[] {3, 3}, s2.get(1));
        assertArrayEquals(new int[] {1, 9}, s2.get(2));
        assertArrayEquals(new int[] {5, 3}, hb.rounds(1).get(0));
        assertArrayEquals(new int[] {1, 9}, hb.rounds(1).get(1));
        assertArrayEquals(new int[] {3, 9}, hb.rounds(0).getFirst());
        assertEquals(4, new Hyperband(27, 3, t -> { }).brackets());
    }

    @Test
    void searchRunsEveryRoundAndPicksAFullBudgetWinner() throws Exception {
        InputSpec in = Synthetic.input(ArchSpec.of("crnn1d"));
        List<TrackInput> train = Synthetic.tracks(in, 4, 1), valid = Synthetic.tracks(in, 2, 2);
        TrainConfig base = TrainConfig.defaults(ArchSpec.of("crnn1d")).withBatch(8, 2, in.width()).withPatience(0).withDevice("cpu", 1);
        var space = new Hyperband.SearchSpace(base, List.of("crnn1d", "rescnn"), 1e-3, 5e-3, List.of(0.2), List.of(1e-3), List.of(0.0));
        List<Hyperband.Trial> told = new java.util.ArrayList<>();
        Hyperband hb = new Hyperband(3, 3, told::add);
        Hyperband.Outcome o = hb.run(space, Synthetic.LABELS, new Hyperband.Data() {
            public List<TrackInput> train(InputSpec s) {
                return train;
            }

            public List<TrackInput> valid(InputSpec s) {
                return valid;
            }

            public InputSpec spec(TrainConfig c) {
                return in;
            }
        }, 7);
        // R=3, eta=3: bracket 1 runs 3 configs x 1 epoch then the best x 3 epochs; bracket 0 runs 2 configs x 3 epochs.
        assertEquals(6, o.trials().size(), o.trials().toString());
        assertEquals(3, o.trials().stream().filter(t -> t.epochs() == 1).count());
        assertEquals(3, o.best().epochs());
        assertTrue(o.trials().stream().filter(t -> t.epochs() == 3).allMatch(t -> t.validAccuracy() <= o.best().validAccuracy()));
        assertEquals(o.trials(), told, "every trial is told as it finishes");
        assertTrue(told.stream().anyMatch(t -> t.bracket() == 1 && t.round() == 1), told.toString());
    }
}
