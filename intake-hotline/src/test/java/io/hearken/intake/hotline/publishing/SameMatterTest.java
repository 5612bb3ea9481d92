package io.hearken.intake.hotline.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintId;
import io.hearken.intake.hotline.call.Call;
import io.hearken.intake.hotline.publishing.SameMatter.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a call from the number of an open complaint is about that complaint. */
class SameMatterTest {

    static final ComplaintId OLDER = ComplaintId.of("HK-2222-3333");
    static final ComplaintId NEWER = ComplaintId.of("HK-4444-5555");

    static Call call(String category, String location) {
        return new Call(2, "C-1", null, null, "13800001234", null, null, category, location, "又来电催促", List.of(),
                null);
    }

    @Test
    void aCallThatNamesNothingElseIsAboutTheNewestOpenComplaint() {
        List<Candidate> open = List.of(new Candidate(NEWER, "WEB", "3号楼", "maintenance"),
                new Candidate(OLDER, "HOTLINE", "5号楼", "电梯"));

        assertThat(SameMatter.of(call(null, null), open)).map(Candidate::id).contains(NEWER);
    }

    @Test
    void anotherBuildingIsAnotherMatterAndSpellingsOfOneBuildingAreOne() {
        List<Candidate> open = List.of(new Candidate(NEWER, "WEB", "3号楼", null),
                new Candidate(OLDER, "WEB", "7栋", null));

        assertThat(SameMatter.of(call(null, "7号楼 0502"), open)).map(Candidate::id).contains(OLDER);
        assertThat(SameMatter.of(call(null, "Building 3, Room 1203"), open)).map(Candidate::id).contains(NEWER);
        assertThat(SameMatter.of(call(null, "9号楼 大堂"), open)).isEmpty();
        assertThat(SameMatter.of(call(null, "北门"), open)).map(Candidate::id).contains(NEWER); // no building named
    }

    @Test
    void anotherAgentCategoryIsAnotherMatterOnlyWhenBothCameFromTheCallCentre() {
        List<Candidate> fromHotline = List.of(new Candidate(NEWER, "HOTLINE", null, "电梯"));
        List<Candidate> fromWeb = List.of(new Candidate(NEWER, "WEB", null, "maintenance"));

        assertThat(SameMatter.of(call("噪音", null), fromHotline)).isEmpty();
        assertThat(SameMatter.of(call("电梯", null), fromHotline)).isPresent();
        assertThat(SameMatter.of(call(" Billing ", null), List.of(new Candidate(NEWER, "hotline", null, "billing"))))
                .isPresent();
        // The web form's category codes and the agents' words are different vocabularies: no conclusion.
        assertThat(SameMatter.of(call("维修", null), fromWeb)).isPresent();
    }

    @Test
    void noOpenComplaintNoFollowUp() {
        assertThat(SameMatter.of(call("维修", "3号楼"), List.of())).isEmpty();
    }
}
