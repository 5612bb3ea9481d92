package io.hearken.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlySummaryCsvTest {

    @Test
    void cellsAreQuotedAndFormulasNeutralised() {
        assertThat(MonthlySummary.cell("3号楼")).isEqualTo("3号楼");
        assertThat(MonthlySummary.cell("A,B")).isEqualTo("\"A,B\"");
        assertThat(MonthlySummary.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(MonthlySummary.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(MonthlySummary.cell("-")).isEqualTo("-");
    }

    @Test
    void aRowComparesWithTheMonthBefore() {
        var row = new MonthlySummary.Row("category", "noise", new MonthlySummary.Measure(3, 50.0, 4.5, 1),
                new MonthlySummary.Measure(2, null, null, 0));
        String csv = MonthlySummary.csv(new MonthlySummary.Report(YearMonth.of(2026, 11), YearMonth.of(2026, 10),
                List.of(row)));
        // The staff KPIs' columns follow (issue #18): none here.
        assertThat(csv).endsWith("2026-11,category,noise,3,2,50.0,50.0,,4.5,,1,0,0,0,,,,,0,0\r\n");
    }
}
