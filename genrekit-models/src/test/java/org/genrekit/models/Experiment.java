package org.genrekit.models;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.pipeline.TabularModel;
import org.genrekit.models.train.CrossValidation;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.PipelineTrainer;
import org.genrekit.models.train.Predictions;
import org.genrekit.models.train.StratifiedFolds;
import org.genrekit.models.train.TrainingData;

/** Manual experiment runner (not a test): java ... Experiment model k=v ... */
public final class Experiment {
    public static void main(String[] a) throws Exception {
        Path sh = Path.of(a[0]);
        TrainingData all = KaggleTable.read(sh.resolve("data/gtzan-features/features_30_sec.csv"));
        TrainingData tr = KaggleTable.subset(all, sh.resolve("data/gtzan-splits/fault_filtered_train.txt"));
        TrainingData va = KaggleTable.subset(all, sh.resolve("data/gtzan-splits/fault_filtered_valid.txt"));
        int[][] ho = StratifiedFolds.holdOut(all.y(), all.groups(), 0.2, 42);
        TrainingData rte = all.subset(ho[0]), rtr = all.subset(ho[1]);
        boolean cv = Boolean.getBoolean("cv");
        System.out.println("train " + tr.size() + " valid " + va.size() + " random " + rtr.size() + "/" + rte.size() + " labels " + all.labels());
        for (int s = 1; s < a.length; s++) {
            String[] parts = a[s].split(" ");
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                p.put(kv[0], kv[1]);
            }
            PipelineSpec spec = PipelineSpec.of(parts[0], p);
            long t0 = System.nanoTime();
            TabularModel m = PipelineTrainer.fit(spec, tr, 42, Integer.getInteger("threads", 2));
            double artist = Predictions.metrics(m, va).accuracy();
            double t = (System.nanoTime() - t0) / 1e9;
            TabularModel m2 = PipelineTrainer.fit(spec, rtr, 42, 2);
            double random = Predictions.metrics(m2, rte).accuracy();
            String cvs = "";
            if (cv) {
                CvSummary c = CrossValidation.run(spec, tr, 5, 42, 2, null);
                cvs = " cv5=" + c;
            }
            System.out.printf("%-60s artist=%.4f random=%.4f (%.1fs)%s%n", spec, artist, random, t, cvs);
        }
    }
}
