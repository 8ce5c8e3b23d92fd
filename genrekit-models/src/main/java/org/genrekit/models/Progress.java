package org.genrekit.models;

/**
 * Where long library work (training, searches, evaluation) reports progress. The library never
 * prints: the CLI turns stages into progress bars and failures into lines; tests pass {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (name, steps) -> new Stage() {
        @Override
        public void step() {
        }
    };

    /** A stage of {@code steps} steps begins (e.g. "grid search svm-rbf", 125 fold fits); it is closed when it ends. */
    Stage start(String name, long steps);

    /** One stage; {@link #step()} may be called from several threads. */
    interface Stage extends AutoCloseable {
        void step();

        /** One item failed and was left out ({@code what}: the file and the reason); the stage goes on. */
        default void fail(String what) {
            step();
        }

        @Override
        default void close() {
        }
    }
}
