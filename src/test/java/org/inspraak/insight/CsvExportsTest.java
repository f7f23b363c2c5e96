package org.inspraak.insight;

import java.util.Arrays;

import org.inspraak.Csv;
import org.inspraak.IntegrationTest;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Red-team finding 4: text that residents write never reaches a spreadsheet as a formula. */
class CsvExportsTest extends IntegrationTest {

    @Autowired
    OpenDataExport openData;

    @Test
    void formulasInCellsAreDefused() {
        String csv = Csv.withHeader("a", "b", "c")
                .row("=HYPERLINK(\"http://x\")", -500, "@SUM(A1)")
                .row("+1", "gewoon, met komma", "\tTAB")
                .toString();
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "a,b,c",
                        "\"'=HYPERLINK(\"\"http://x\"\")\",-500,\"'@SUM(A1)\"",
                        "\"'+1\",\"gewoon, met komma\",\"'\tTAB\"");
    }

    @Test
    void theCouncilsOpenDataCsvIsDefused() {
        long c = data.openConsultation();
        data.idea(c, data.user(), "=2+5 meer bomen", "-10 procent minder tegels in de wijk.");
        login(data.user(Role.COUNCIL_MEMBER));
        String csv = openData.ideasCsv(c);
        assertThat(Arrays.stream(csv.split("\r\n")).skip(1))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(",\"'=2+5 meer bomen\",\"'-10 procent"));
    }
}
