package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSmokeTest {
    @Test
    void tinyLocalJobWritesAndReadsParquet(@TempDir Path dir) throws Exception {
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("smoke")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate()) {
            Dataset<String> ds = spark.createDataset(List.of("a", "b", "c"), Encoders.STRING());
            ds.toDF("v").write().parquet(dir.resolve("out").toString());
            List<Row> rows = spark.read().parquet(dir.resolve("out").toString()).collectAsList();
            assertEquals(3, rows.size());
        }
    }
}
