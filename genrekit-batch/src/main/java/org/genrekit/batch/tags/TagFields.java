package org.genrekit.batch.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/**
 * The few fields Genrekit reads and writes, in each tag system's own convention:
 * <ul>
 *   <li>genre: ID3v2 TCON / MP4 {@code ©gen} hold one text ("Rock; Jazz" when appended);
 *       Vorbis comments hold one {@code GENRE} entry per genre;</li>
 *   <li>probability: ID3v2 {@code TXXX:GENREKIT_PROBABILITY}, Vorbis {@code GENREKIT_PROBABILITY},
 *       MP4 {@code ----:org.genrekit:GENREKIT_PROBABILITY}.</li>
 * </ul>
 * jaudiotagger's options are global, so they are set once here; callers serialise tag I/O.
 */
final class TagFields {
    static final String PROBABILITY_KEY = "GENREKIT_PROBABILITY";
    static final String MP4_ISSUER = "org.genrekit";
    static final String JOIN = "; ";

    static {
        // jaudiotagger logs every frame it parses at INFO/WARNING; that is noise in a batch of 100,000 files
        Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
        TagOptionSingleton o = TagOptionSingleton.getInstance();
        o.setWriteMp3GenresAsText(true); // "Jazz", not "(8)"
        o.setWriteMp4GenresAsText(true);
    }

    private TagFields() {
    }

    static void init() {
        // triggers the static setup
    }

    /** Whether several genres are separate entries (Vorbis) or one joined text (ID3v2, MP4). */
    static boolean multiValued(TagFormat f) {
        return f == TagFormat.OGG || f == TagFormat.FLAC;
    }

    /** The genres a tag holds, split into single names. */
    static List<String> genres(Tag tag, TagFormat format) {
        List<String> out = new ArrayList<>();
        if (tag == null) return out;
        for (String v : tag.getAll(FieldKey.GENRE)) {
            if (v == null) continue;
            for (String part : v.split(";")) {
                String s = part.strip();
                // ID3 NUL-separated multi-values come back as separate entries already
                if (!s.isEmpty()) out.add(s);
            }
        }
        return out;
    }

    static void setGenres(Tag tag, TagFormat format, List<String> genres) throws FieldDataInvalidException {
        tag.deleteField(FieldKey.GENRE);
        if (genres.isEmpty()) return;
        if (multiValued(format)) {
            tag.setField(FieldKey.GENRE, genres.get(0));
            for (String g : genres.subList(1, genres.size())) tag.addField(FieldKey.GENRE, g);
        } else {
            tag.setField(FieldKey.GENRE, String.join(JOIN, genres));
        }
    }

    /** The probability field's text, or null. */
    static String probability(Tag tag, TagFormat format) {
        if (tag == null) return null;
        if (tag instanceof AbstractID3v2Tag id3) {
            for (TagField f : id3.getFields("TXXX")) {
                if (f instanceof AbstractID3v2Frame fr && fr.getBody() instanceof FrameBodyTXXX b
                        && PROBABILITY_KEY.equals(b.getDescription())) {
                    return b.getText();
                }
            }
            return null;
        }
        VorbisCommentTag vc = vorbis(tag);
        if (vc != null) {
            String v = vc.getFirst(PROBABILITY_KEY);
            return v == null || v.isEmpty() ? null : v;
        }
        if (tag instanceof Mp4Tag mp4) {
            String v = mp4.getFirst("----:" + MP4_ISSUER + ":" + PROBABILITY_KEY);
            return v == null || v.isEmpty() ? null : v;
        }
        return null;
    }

    static void setProbability(Tag tag, TagFormat format, String value) throws FieldDataInvalidException {
        if (tag instanceof AbstractID3v2Tag id3) {
            // keep every other TXXX frame: only ours is replaced
            List<TagField> keep = new ArrayList<>();
            for (TagField f : id3.getFields("TXXX")) {
                if (!(f instanceof AbstractID3v2Frame fr && fr.getBody() instanceof FrameBodyTXXX b
                        && PROBABILITY_KEY.equals(b.getDescription()))) {
                    keep.add(f);
                }
            }
            AbstractID3v2Frame frame = id3.createFrame("TXXX");
            FrameBodyTXXX body = (FrameBodyTXXX) frame.getBody();
            body.setDescription(PROBABILITY_KEY);
            body.setText(value);
            keep.add(frame);
            id3.setFrame("TXXX", keep);
            return;
        }
        VorbisCommentTag vc = vorbis(tag);
        if (vc != null) {
            vc.setField(PROBABILITY_KEY, value);
            return;
        }
        if (tag instanceof Mp4Tag mp4) {
            mp4.deleteField("----:" + MP4_ISSUER + ":" + PROBABILITY_KEY);
            mp4.setField(new Mp4TagReverseDnsField("----:" + MP4_ISSUER + ":" + PROBABILITY_KEY, MP4_ISSUER, PROBABILITY_KEY, value));
            return;
        }
        throw new IllegalArgumentException("no probability field for tag type " + tag.getClass().getSimpleName());
    }

    private static VorbisCommentTag vorbis(Tag tag) {
        if (tag instanceof VorbisCommentTag v) return v;
        if (tag instanceof FlacTag f) return f.getVorbisCommentTag();
        return null;
    }
}
