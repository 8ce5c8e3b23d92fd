package org.genrekit.models.pipeline;

import java.util.List;

/** Standard scaling, optional PCA, then a classifier. Immutable and thread-safe once fitted. */
public final class Pipeline implements TabularModel {
    private static final long serialVersionUID = 1L;
    private final List<String> columns;
    private final LogTransform log;
    private final StandardScaler scaler;
    private final Pca pca;
    private final VectorModel model;
    private final String description;

    public Pipeline(List<String> columns, LogTransform log, StandardScaler scaler, Pca pca, VectorModel model, String description) {
        this.columns = List.copyOf(columns);
        this.log = log;
        this.scaler = scaler;
        this.pca = pca;
        this.model = model;
        this.description = description;
        if (scaler.dimension() != this.columns.size()) {
            throw new IllegalArgumentException("scaler has " + scaler.dimension() + " columns, pipeline " + this.columns.size());
        }
    }

    /** The model's input for a raw row (scaled, projected). */
    public double[] transform(float[] row) {
        if (row.length != columns.size()) throw new IllegalArgumentException("row has " + row.length + " values, pipeline expects " + columns.size());
        double[] x = new double[row.length];
        for (int i = 0; i < row.length; i++) x[i] = row[i];
        if (log != null) x = log.apply(x);
        x = scaler.apply(x);
        return pca == null ? x : pca.apply(x);
    }

    @Override
    public double[] proba(float[] row) {
        return model.proba(transform(row));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int numClasses() {
        return model.numClasses();
    }

    @Override
    public String describe() {
        return description;
    }

    public VectorModel model() {
        return model;
    }
}
