package io.hearken.router.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkingComplaintTest {

    private final LinkingComplaint linking = new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3);
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    private HistoryEntry entry(String id, Duration ago, String building, String unit, String resident, String category,
            String text, String relatedTo) {
        return new HistoryEntry(ComplaintId.of(id), now.minus(ago), building, unit, resident, category, text,
                relatedTo == null ? null : ComplaintId.of(relatedTo));
    }

    @Test
    void aSimilarComplaintAboutTheSameBuildingIsLinkedToTheFirstOne() {
        HistoryEntry first = entry("HK-AAAA-2222", Duration.ofHours(2), "3号楼", "101", "r1", "facility", "3号楼电梯坏了，停在5楼不动", null);
        HistoryEntry second = entry("HK-AAAA-3333", Duration.ofHours(1), "3号楼", "502", "r2", "facility", "3号楼电梯坏了，一直停在五楼", "HK-AAAA-2222");
        HistoryEntry current = entry("HK-AAAA-4444", Duration.ZERO, "3号楼", "803", "r3", "facility", "电梯坏了，停在5楼好久了", null);

        LinkingComplaint.Result result = linking.link(current, List.of(second, first));

        assertThat(result.relatedTo()).isEqualTo(ComplaintId.of("HK-AAAA-2222"));
        assertThat(result.relatedCount()).isEqualTo(2);
        assertThat(result.repeat()).as("neighbours reporting one incident are not repeats").isFalse();
    }

    @Test
    void otherCategoryOtherBuildingOrOutsideTheWindowIsNotADuplicate() {
        HistoryEntry current = entry("HK-AAAA-4444", Duration.ZERO, "3号楼", "803", "r3", "facility", "电梯坏了，停在5楼", null);
        List<HistoryEntry> candidates = List.of(
                entry("HK-BBBB-2222", Duration.ofHours(1), "3号楼", "101", "r1", "noise", "电梯坏了，停在5楼", null),
                entry("HK-BBBB-3333", Duration.ofHours(1), "5号楼", "101", "r1", "facility", "电梯坏了，停在5楼", null),
                entry("HK-BBBB-4444", Duration.ofHours(30), "3号楼", "101", "r1", "facility", "电梯坏了，停在5楼", null),
                entry("HK-BBBB-5555", Duration.ofHours(1), "3号楼", "101", "r1", "facility", "物业费账单算错了", null));
        assertThat(linking.link(current, candidates).relatedTo()).isNull();
    }

    @Test
    void aRepeatIsTheSameUnitOrTheSameResidentWithinThirtyDays() {
        HistoryEntry current = entry("HK-CCCC-2222", Duration.ZERO, "8号楼", "1203", "resident-x", "facility", "卫生间漏水", null);
        List<HistoryEntry> candidates = List.of(
                entry("HK-CCCC-3333", Duration.ofDays(10), "8号楼", "1203", "someone-else", "noise", "楼上太吵", null),
                entry("HK-CCCC-4444", Duration.ofDays(20), "2号楼", "101", "resident-x", "fees", "账单不对", null),
                entry("HK-CCCC-5555", Duration.ofDays(40), "8号楼", "1203", "resident-x", "facility", "卫生间漏水", null),
                entry("HK-CCCC-6666", Duration.ofDays(1), "8号楼", "502", "r9", "environment", "垃圾没人收", null));

        LinkingComplaint.Result result = linking.link(current, candidates);

        assertThat(result.repeat()).isTrue();
        assertThat(result.repeatOf()).containsExactly(ComplaintId.of("HK-CCCC-4444"), ComplaintId.of("HK-CCCC-3333"));
    }
}
