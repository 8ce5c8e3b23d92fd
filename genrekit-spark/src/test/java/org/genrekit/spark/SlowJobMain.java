package org.genrekit.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A driver for {@link KilledDriverTest} to kill: the job in local[2] with a slow model.
 * Arguments: INPUT OUT FORMAT DELAY_MILLIS.
 */
public final class SlowJobMain {
    private SlowJobMain() {
    }

    public static void main(String[] a) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("genrekit-killed")
                .config("spark.ui.enabled", "false").config("spark.log.level", "WARN").getOrCreate();
        new GenreSparkJob(spark, new SparkJobConfig(List.of(a[0]), null, a[1], null, 2000, OutputFormat.of(a[2]), false),
                new RmsClassifier.Source(Long.parseLong(a[3]))).run();
        System.exit(0);
    }
}
