package org.inspraak.polis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.inspraak.insight.OpinionGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad Polis folders fail with the file and line named, before anything is imported. */
class PolisFolderTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private void valid() throws IOException {
        write("summary.csv", "topic,Test\nconversation-description,Een vraag\n");
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                        + "1500000000000,x,0,0,1,0,1,Eerste stelling\n1500000000001,x,1,1,0,1,-1,\"Tweede, met komma\"\n");
        write(
                "votes.csv",
                "timestamp,datetime,comment-id,voter-id,vote\n1500000000100,x,0,0,1\n"
                        + "1500000000200,x,1,0,-1\n1500000000300,x,0,0,-1\n");
    }

    @Test
    void readsAValidFolderAndKeepsTheLatestVote() throws Exception {
        valid();
        PolisFolder f = PolisFolder.read(dir);
        assertThat(f.topic()).isEqualTo("Test");
        assertThat(f.comments()).hasSize(2);
        assertThat(f.comments().get(1).body()).isEqualTo("Tweede, met komma");
        assertThat(f.comments().get(1).moderatedOut()).isTrue();
        assertThat(f.votes()).hasSize(2);
        assertThat(f.votes().stream()
                        .filter(v -> v.commentId() == 0)
                        .findFirst()
                        .orElseThrow()
                        .vote())
                .isEqualTo(-1);
    }

    @Test
    void missingFileIsNamed() throws Exception {
        valid();
        Files.delete(dir.resolve("votes.csv"));
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .isInstanceOf(PolisFolder.FormatException.class)
                .hasMessageContaining("votes.csv")
                .hasMessageContaining("ontbreekt")
                .hasMessageContaining("participants-votes.csv ook");
    }

    @Test
    void wrongColumnsAreNamed() throws Exception {
        valid();
        write("votes.csv", "timestamp,comment,voter,vote\n1,0,0,1\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("votes.csv, regel 1")
                .hasMessageContaining("comment-id");
    }

    @Test
    void unknownCommentIdNamesTheLine() throws Exception {
        valid();
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,7,0,1\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("votes.csv, regel 3")
                .hasMessageContaining("onbekende comment-id 7");
    }

    @Test
    void badNumbersAndVoteValuesNameTheLine() throws Exception {
        valid();
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,2\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("regel 2")
                .hasMessageContaining("vote");
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,abc,1\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("regel 2")
                .hasMessageContaining("voter-id");
    }

    @Test
    void notUtf8IsRefused() throws Exception {
        valid();
        byte[] latin1 =
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,0,0,1,caf\u00e9 en cr\u00e8me\n"
                        .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("comments.csv"), latin1);
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("comments.csv")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void ragedRowsAndDuplicateIdsAreRefused() throws Exception {
        valid();
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                        + "1,x,0,0,1,0,1,Een\n2,x,0,0,1,0,1,Twee\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("regel 3")
                .hasMessageContaining("twee keer");
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n" + "1,x,0,0,1\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("regel 2")
                .hasMessageContaining("kolommen");
    }

    @Test
    void matrixMarksModeratedOutColumns() throws Exception {
        valid();
        OpinionGroups.Matrix m = PolisFolder.read(dir).matrix();
        assertThat(m.participants()).containsExactly(0L);
        assertThat(m.moderatedOut()).containsExactly(false, true);
        assertThat(m.votes()[0]).containsExactly(-1.0, -1.0);
    }

    /** Issue 16: an export without votes.csv takes its votes from the matrix in participants-votes.csv. */
    @Test
    void votesComeFromTheMatrixWhenVotesCsvIsMissing() throws Exception {
        valid();
        Files.delete(dir.resolve("votes.csv"));
        write(
                "participants-votes.csv",
                "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n"
                        + "7,0,0,2,1,1,1,-1\n3,,0,1,0,0,0,\n9,1,0,0,0,0,,\n");
        PolisFolder f = PolisFolder.read(dir);
        assertThat(f.votes())
                .extracting(PolisFolder.VoteRow::participant, PolisFolder.VoteRow::commentId, PolisFolder.VoteRow::vote)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7L, 0L, 1),
                        org.assertj.core.groups.Tuple.tuple(7L, 1L, -1),
                        org.assertj.core.groups.Tuple.tuple(3L, 0L, 0));
        assertThat(f.notes()).singleElement().asString().contains("votes.csv ontbreekt", "tijdstip");
        assertThat(f.matrix().participants()).containsExactly(7L, 3L);
        // A bad cell still names file and line, and without any vote file the folder is refused.
        write("participants-votes.csv", "participant,group-id,0,1\n7,0,1,x\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("participants-votes.csv, regel 2")
                .hasMessageContaining("'x'");
        Files.delete(dir.resolve("participants-votes.csv"));
        assertThatThrownBy(() -> PolisFolder.read(dir)).hasMessageContaining("votes.csv");
    }

    /** Statements without text, quoted newlines and extra columns are all part of real exports. */
    @Test
    void emptyBodiesQuotedNewlinesAndExtraColumnsImport() throws Exception {
        valid();
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body,is-seed\n"
                        + "1500000000000,x,0,0,1,0,1,\"Eerste regel\ntweede regel\",true\n"
                        + "1500000000001,x,1,1,0,1,0,,false\n"
                        + "1500000000002,x,2,1,0,0,1,\"\",false\n");
        write(
                "votes.csv",
                "timestamp,datetime,comment-id,voter-id,vote,extra\n1500000000100,x,1,0,1,a\n1500000000200,x,2,0,-1,b\n");
        PolisFolder f = PolisFolder.read(dir);
        assertThat(f.comments()).hasSize(3);
        assertThat(f.comments().get(0).body()).isEqualTo("Eerste regel\ntweede regel");
        assertThat(f.comments().get(1).body()).contains("Stelling 1", "zonder tekst");
        assertThat(f.notes()).hasSize(2).allSatisfy(n -> assertThat(n).contains("geen tekst"));
        assertThat(f.votes()).hasSize(2);
        // After a value spanning two lines, a problem still names the physical line.
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                        + "1,x,0,0,1,0,1,\"Over\ntwee regels\"\n2,x,1,0,1,0,7,Fout\n");
        assertThatThrownBy(() -> PolisFolder.read(dir)).hasMessageContaining("comments.csv, regel 4");
    }

    /**
     * Newer exports mark Polis's metadata statements (questions about the participant) in an is-meta column. Polis's
     * math leaves them out as it leaves moderated-out statements out; their votes are still read.
     */
    @Test
    void metadataStatementsStayOutOfTheMath() throws Exception {
        valid();
        write(
                "comments.csv",
                "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,comment-body\n"
                        + "1500000000000,0,0,1,0,1,false,true,Eerste stelling\n"
                        + "1500000000001,1,1,0,1,-1,false,false,Tweede stelling\n"
                        + "1500000000002,2,0,1,0,1,true,true,Ik woon in de binnenstad\n");
        write(
                "votes.csv",
                "timestamp,datetime,comment-id,voter-id,vote\n1500000000100,x,0,0,1\n1500000000200,x,2,0,1\n");
        PolisFolder f = PolisFolder.read(dir);
        assertThat(f.comments()).extracting(PolisFolder.Comment::meta).containsExactly(false, false, true);
        assertThat(f.comments().get(2).moderatedOut()).isFalse();
        assertThat(f.votes()).hasSize(2);
        assertThat(f.notes()).singleElement().asString().contains("1 stelling is", "metadata", "achtergrondvraag");
        OpinionGroups.Matrix m = f.matrix();
        assertThat(m.moderatedOut()).containsExactly(false, true, true);
        assertThat(m.votes()[0]).containsExactly(1.0, Double.NaN, 1.0);
        // Without the column (older exports) nothing is metadata.
        valid();
        assertThat(PolisFolder.read(dir).comments()).noneMatch(PolisFolder.Comment::meta);
        // A value that is neither true nor false names file and line.
        write(
                "comments.csv",
                "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,comment-body\n"
                        + "1500000000000,0,0,1,0,1,,Eerste stelling\n"
                        + "1500000000001,1,1,0,1,1,misschien,Tweede stelling\n");
        assertThatThrownBy(() -> PolisFolder.read(dir))
                .hasMessageContaining("comments.csv, regel 3")
                .hasMessageContaining("'misschien'");
    }

    /**
     * Polis's report export (server.ts) writes times in seconds, not milliseconds, leaves the statement text
     * unquoted as the last column, and has no participants-votes.csv.
     */
    @Test
    void readsPolissReportExportWithSecondsAndUnquotedTexts() throws Exception {
        write("summary.csv", "topic,\"Parkeren, fietsen en groen\"\nurl,https://pol.is/abc\n");
        write(
                "comments.csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                        + "1700000000,Tue Nov 14 2023 22:13:20 GMT+0000 (Coordinated Universal Time),0,0,1,0,1,"
                        + "Meer bomen, minder stenen, en bankjes\n"
                        + "1700000060,Tue Nov 14 2023 22:14:20 GMT+0000 (Coordinated Universal Time),1,1,0,1,0,Kort\n");
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1700000100,x,0,0,1\n1700000200,x,1,0,-1\n");
        PolisFolder f = PolisFolder.read(dir);
        assertThat(f.topic()).isEqualTo("Parkeren, fietsen en groen");
        assertThat(f.comments().get(0).body()).isEqualTo("Meer bomen, minder stenen, en bankjes");
        assertThat(f.comments().get(0).createdAt()).isEqualTo(java.time.Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(f.votes())
                .extracting(PolisFolder.VoteRow::at)
                .containsExactly(
                        java.time.Instant.parse("2023-11-14T22:15:00Z"),
                        java.time.Instant.parse("2023-11-14T22:16:40Z"));
        assertThat(f.votesHaveTimes()).isTrue();
        assertThat(f.polisGroups()).isEmpty();
        // Milliseconds, as the math export writes them, stay milliseconds.
        assertThat(PolisFolder.instant(1_700_000_000_123L))
                .isEqualTo(java.time.Instant.parse("2023-11-14T22:13:20.123Z"));
        // Extra values elsewhere than in a last text column are still refused with their line.
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1700000100,x,0,0,1\n1700000200,x,1,0,-1,7\n");
        assertThatThrownBy(() -> PolisFolder.read(dir)).hasMessageContaining("votes.csv, regel 3");
    }
}
