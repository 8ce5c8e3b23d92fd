package org.genrekit.deep;

import java.nio.file.Path;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.train.DeepTrainer;
import org.genrekit.deep.train.EpochStats;
import org.genrekit.deep.train.TrainingListener;
import org.genrekit.deep.train.TrainConfig;

/** Child process of {@link ResumeTest}: trains slowly (a pause after each epoch) so it can be killed mid-run. */
public final class ResumeChild {
    static TrainConfig config() {
        return TrainConfig.defaults(ArchSpec.of("crnn1d")).withEpochs(6).withBatch(8, 2, 24).withPatience(0).withDevice("cpu", 1);
    }

    static InputSpec input() {
        return Synthetic.input(ArchSpec.of("crnn1d"));
    }

    public static void main(String[] args) throws Exception {
        Path ckpt = Path.of(args[0]);
        boolean resume = args.length > 1 && args[1].equals("--resume");
        InputSpec in = input();
        new DeepTrainer(new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats, int epochs, boolean best) {
                try {
                    Thread.sleep(60_000); // the parent kills us during this pause
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }).train(Synthetic.tracks(in, 6, 1), Synthetic.tracks(in, 2, 2), Synthetic.LABELS, in, config(), ckpt, resume);
    }
}
