package org.genrekit.deep;

import org.genrekit.backbone.Engines;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.arch.BackboneRef;
import org.genrekit.deep.arch.TransferNet;
import org.genrekit.deep.input.ChunkPlan;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.deep.input.TrackInput;

/**
 * A network with everything needed to feed it: architecture, labels, input geometry and the
 * training-part normalisation. Prediction is thread-safe (no state changes; each call has its own
 * NDManager).
 */
public final class DeepModel implements AutoCloseable {
    private final ArchSpec arch;
    private final List<String> labels;
    private final InputSpec input;
    private final Normalizer normalizer;
    private final Model model;
    /** Backbone windows per forward pass in prediction, which bounds memory on long tracks. */
    static final int BACKBONE_BATCH = 8;

    private DeepModel(ArchSpec arch, List<String> labels, InputSpec input, Normalizer normalizer, Model model) {
        this.arch = arch;
        this.labels = List.copyOf(labels);
        this.input = input;
        this.normalizer = normalizer;
        this.model = model;
    }

    /** A freshly built, uninitialised network (the trainer initialises it). */
    public static DeepModel create(ArchSpec arch, List<String> labels, InputSpec input, Normalizer normalizer, Device device) {
        if (normalizer.rows() != input.rows()) {
            throw new IllegalArgumentException("normalizer has " + normalizer.rows() + " rows, input has " + input.rows());
        }
        Engines.engine();
        Model m = Model.newInstance(arch.name(), device, Engines.ENGINE);
        m.setBlock(Architectures.build(arch, labels.size(), input.rows(), input.width()));
        return new DeepModel(arch, labels, input, normalizer, m);
    }

    /** Rebuilds a trained network from its parameters. */
    public static DeepModel load(ArchSpec arch, List<String> labels, InputSpec input, Normalizer normalizer, byte[] params, Device device)
            throws IOException {
        DeepModel d = create(arch, labels, input, normalizer, device);
        d.initialize();
        d.readParameters(params);
        return d;
    }

    public Shape inputShape(int batch) {
        return new Shape(batch, 1, input.rows(), input.width());
    }

    void initialize() {
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, inputShape(1));
    }

    public ArchSpec arch() {
        return arch;
    }

    public List<String> labels() {
        return labels;
    }

    public InputSpec input() {
        return input;
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public Model djlModel() {
        return model;
    }

    public Block block() {
        return model.getBlock();
    }

    /**
     * The network's parameters as bytes (bundles and checkpoints). A network on a pretrained
     * backbone writes only what training changes, never the backbone's frozen tensors.
     */
    public byte[] writeParameters() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (model.getBlock() instanceof TransferNet t) t.saveTrained(out);
            else model.getBlock().saveParameters(out);
        }
        return bytes.toByteArray();
    }

    public void readParameters(byte[] params) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(params))) {
            if (model.getBlock() instanceof TransferNet t) t.loadTrained(model.getNDManager(), in);
            else model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException | IOException e) {
            throw new IOException("model parameters do not fit architecture " + arch + ": " + e.getMessage(), e);
        }
    }

    /** The pretrained backbone the network is built on, if any. */
    public Optional<BackboneRef> backbone() {
        return model.getBlock() instanceof TransferNet t ? Optional.of(t.backboneRef()) : Optional.empty();
    }

    public long parameterCount() {
        long n = 0;
        for (var p : model.getBlock().getParameters().values()) if (p.isInitialized()) n += p.getArray().size();
        return n;
    }

    /** Parameters that training changes (all of them, except a backbone's frozen ones). */
    public long trainableParameterCount() {
        long n = 0;
        for (var p : model.getBlock().getParameters().values()) if (p.isInitialized() && p.requiresGradient()) n += p.getArray().size();
        return n;
    }

    /** Softmax probabilities of n chunks given as one flat (n, 1, rows, width) array. */
    public float[][] predict(float[] flat, int n) {
        return predict(flat, n, input.width());
    }

    /** Softmax probabilities of n chunks {@code cols} wide, given as one flat (n, 1, rows, cols) array. */
    public float[][] predict(float[] flat, int n, int cols) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(flat, new Shape(n, 1, input.rows(), cols));
            NDArray logits = model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            float[] p = logits.softmax(1).toFloatArray();
            int c = labels.size();
            float[][] out = new float[n][c];
            for (int i = 0; i < n; i++) System.arraycopy(p, i * c, out[i], 0, c);
            return out;
        }
    }

    /** Per-chunk probabilities of one track, chunks as {@link ChunkPlan#starts} gives them. */
    public float[][] chunkProbabilities(TrackInput track) {
        return chunkProbabilities(track, input.width());
    }

    /** Per-chunk probabilities with chunks every {@code hop} columns (overlapping when hop &lt; width). */
    public float[][] chunkProbabilities(TrackInput track, int hop) {
        if (track.rows() != input.rows()) {
            throw new IllegalArgumentException("track " + track.id() + " has " + track.rows() + " rows, the model reads " + input.rows());
        }
        List<ChunkPlan.Chunk> chunks = chunks(track.cols(), Math.min(hop, input.width()));
        // Chunks share one width (only a track shorter than a backbone window gives a narrower one, alone).
        int cols = chunks.getFirst().width();
        int size = input.rows() * cols;
        float[][] out = new float[chunks.size()][];
        int step = input.kind() == InputKind.BACKBONE_MEL ? BACKBONE_BATCH : chunks.size();
        for (int from = 0; from < chunks.size(); from += step) {
            int n = Math.min(step, chunks.size() - from);
            float[] flat = new float[n * size];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < input.rows(); r++) {
                    normalizer.copyRow(track.plane()[r], r, chunks.get(from + i).start(), cols, flat, i * size + r * cols);
                }
            }
            System.arraycopy(predict(flat, n, cols), 0, out, from, n);
        }
        return out;
    }

    /** Track probabilities: the mean of the chunk probabilities. */
    public static double[] mean(float[][] chunkProbs) {
        double[] m = new double[chunkProbs[0].length];
        for (float[] p : chunkProbs) for (int c = 0; c < m.length; c++) m[c] += p[c];
        for (int c = 0; c < m.length; c++) m[c] /= chunkProbs.length;
        return m;
    }

    /** The chunks (or backbone windows) a track of {@code cols} columns is read in. */
    public List<ChunkPlan.Chunk> chunks(int cols) {
        return chunks(cols, input.width());
    }

    private List<ChunkPlan.Chunk> chunks(int cols, int hop) {
        return ChunkPlan.chunks(input.kind(), cols, input.width(), hop);
    }

    @Override
    public void close() {
        model.close();
    }
}
