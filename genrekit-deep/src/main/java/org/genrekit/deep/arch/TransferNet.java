package org.genrekit.deep.arch;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrekit.backbone.mn.MnFeatures;

/**
 * A head on a pretrained backbone. Only what training changes is ever saved: the head's parameters
 * and, when fine-tuning, those of the backbone's unfrozen blocks ({@link #saveTrained}); the frozen
 * pretrained tensors come from the installed backbone whenever the network is built. Frozen
 * parameters carry no gradient, so the frozen part runs without autograd bookkeeping.
 */
public final class TransferNet extends AbstractBlock {
    private static final String MAGIC = "genrekit-trained-parameters";
    private static final int VERSION = 1;

    private final MnFeatures backbone;
    private final Block head;
    private final BackboneRef ref;

    TransferNet(MnFeatures backbone, Block head, BackboneRef ref, int fineTune) {
        this.backbone = addChildBlock("backbone", backbone);
        this.head = addChildBlock("head", head);
        this.ref = ref;
        backbone.trainLastBlocks(fineTune);
    }

    public BackboneRef backboneRef() {
        return ref;
    }

    /** Ids of the backbone's parameters (they learn at the backbone's own, smaller rate). */
    public Set<String> backboneParameterIds() {
        Set<String> ids = new HashSet<>();
        for (Parameter p : backbone.getParameters().values()) ids.add(p.getId());
        return ids;
    }

    /** What training changes, by path: every parameter that takes a gradient. */
    public List<Pair<String, Parameter>> trained() {
        return getParameters().stream().filter(p -> p.getValue().requiresGradient()).toList();
    }

    /** Writes the trained parameters (never a frozen one). */
    public void saveTrained(DataOutputStream out) throws IOException {
        List<Pair<String, Parameter>> t = trained();
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(t.size());
        for (Pair<String, Parameter> p : t) {
            out.writeUTF(p.getKey());
            p.getValue().save(out);
        }
    }

    /** Reads what {@link #saveTrained} wrote into this network's trained parameters. */
    public void loadTrained(NDManager manager, DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) throw new IOException("not the trained parameters of a backbone network");
        int version = in.readInt();
        if (version != VERSION) throw new IOException("trained-parameter format " + version + " is not " + VERSION);
        List<Pair<String, Parameter>> t = trained();
        int n = in.readInt();
        if (n != t.size()) {
            throw new IOException("holds " + n + " trained parameters, the network trains " + t.size() + " (another fine-tuning depth?)");
        }
        for (Pair<String, Parameter> p : t) {
            String key = in.readUTF();
            if (!key.equals(p.getKey())) throw new IOException("trained parameter '" + key + "' where the network has '" + p.getKey() + "'");
            Parameter param = p.getValue();
            Shape expected = param.getShape();
            param.close();
            try {
                param.load(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException("trained parameter '" + key + "': " + e.getMessage(), e);
            }
            if (expected != null && !expected.equals(param.getShape())) {
                throw new IOException("trained parameter '" + key + "' has shape " + param.getShape() + ", the network needs " + expected);
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return head.forward(ps, backbone.forward(ps, inputs, training), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, backbone.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return head.getOutputShapes(backbone.getOutputShapes(inputs));
    }
}
