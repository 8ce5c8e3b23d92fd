package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tracks.csv with FMA's real three-row header (track_id + the 52 columns of fma_metadata/tracks.csv) and six rows. */
public final class FmaFixtures {
    private FmaFixtures() {
    }

    public static final String HEADER = """
            ,album,album,album,album,album,album,album,album,album,album,album,album,album,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,artist,set,set,track,track,track,track,track,track,track,track,track,track,track,track,track,track,track,track,track,track,track,track
            ,comments,date_created,date_released,engineer,favorites,id,information,listens,producer,tags,title,tracks,type,active_year_begin,active_year_end,associated_labels,bio,comments,date_created,favorites,id,latitude,location,longitude,members,name,related_projects,tags,website,wikipedia_page,split,subset,bit_rate,comments,composer,date_created,date_recorded,duration,favorites,genre_top,genres,genres_all,information,interest,language_code,license,listens,lyricist,number,publisher,tags,title
            track_id,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,
            """;

    public static void writeTracksCsv(Path file) throws IOException {
        String rows = String.join("\n",
                row(2, 1, "AWOL", "training", "small", 168, "Hip-Hop", "[21]", "[21]", "Food"),
                row(3, 1, "AWOL", "training", "large", 237, "", "[1, 12]", "[1, 38, 12]", "Electric Ave"),
                row(5, 1, "AWOL", "validation", "small", 206, "Hip-Hop", "[21]", "[21]", "This World"),
                row(10, 6, "Kurt Vile", "training", "small", 161, "Pop", "[10]", "[10]", "Freeway"),
                row(140, 61, "Alec K. Redfearn & the Eyesores", "test", "medium", 253, "Folk", "[17]", "[17]", "Queen Of The Wires"),
                row(99, 61, "Nobody", "test", "", 10, "", "[]", "[]", "not in any subset"));
        Files.writeString(file, HEADER + rows + "\n");
    }

    private static String row(int id, int artistId, String artist, String split, String subset, int duration, String top,
                              String genres, String all, String title) {
        // album(13) artist(17) set(2) track(20) fields after track_id
        String album = "0,2008-11-26 01:44:45,2009-01-05 00:00:00,,4,1,<p></p>,6073,,[],AWOL - A Way Of Life,7,Album";
        String art = "2006-01-01 00:00:00,,,\"<p>bio, with comma</p>\",0,2008-11-26 01:42:32,9," + artistId
                + ",40.05,\"New Jersey\",-74.4,,\"" + artist + "\",,[],http://example.org,";
        String set = split + "," + subset;
        String track = "256000,0,,2008-11-26 01:48:12,2008-11-26 00:00:00," + duration + ",2," + top + ",\"" + genres + "\",\""
                + all + "\",,4656,en,Attribution-NonCommercial-ShareAlike 3.0 International,1293,,3,,[]," + title;
        return id + "," + album + "," + art + "," + set + "," + track;
    }
}
