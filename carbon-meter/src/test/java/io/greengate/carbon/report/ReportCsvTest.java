package io.greengate.carbon.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportCsvTest {

    @Test
    void numbersArePlainDecimalsAndMissingRatiosAreEmpty() {
        ReportRow row = ReportRow.of("github.com/acme/shop", new ReportRow.Totals(2, 1.5, 0.00001, 1e-9, 0, 0, 0, 0),
                ReportRow.Outcomes.NONE);
        String csv = ReportCsv.of(new SustainabilityReport(null, null, "repository", List.of(row), row));

        assertEquals("key,count,cpuSeconds,energyJoules,co2eGrams,embodiedGrams,acceptedTests,"
                + "energyPerAcceptedTestJoules,co2ePerAcceptedTestGrams,sciPerAcceptedTest,suggestions,sciPerSuggestion,"
                + "builds,sciPerBuild,decided,acceptanceRate\r\n"
                + "github.com/acme/shop,2,1.5,0.00001,0.000000001,0,0,,,,0,,0,,0,\r\n", csv);
    }

    @Test
    void keysAreQuotedWhenTheyHoldSeparatorsAndDefusedWhenTheyLookLikeFormulas() {
        assertEquals("\"a,b\"", ReportCsv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ReportCsv.text("say \"hi\""));
        assertEquals("'=1+1", ReportCsv.text("=1+1"));
        assertEquals("", ReportCsv.text(null));
    }
}
