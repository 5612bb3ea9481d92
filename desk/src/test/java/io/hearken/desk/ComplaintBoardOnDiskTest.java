package io.hearken.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.desk.board.ComplaintBoard;
import io.hearken.desk.board.DeskComplaint;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.InMemoryKeys;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.store.TestLocalState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link ComplaintBoardTest} again, on a board that keeps no complaint whole in memory: each event is
 * read back from its local store, sealed. And what the store holds is shredded with the resident's key.
 */
class ComplaintBoardOnDiskTest extends ComplaintBoardTest {

    final InMemoryKeys keys = new InMemoryKeys();

    @Override
    ComplaintBoard board() {
        return new ComplaintBoard(TestLocalState.fresh(), new Sealing(() -> keys, Optional::empty,
                EventJson.mapper()), new DeskProperties(null, null, 0));
    }

    @Test
    void whatTheStoreHoldsOfTheResidentIsGoneWithTheirKey() {
        ComplaintRouted routed = DeskTestSupport.routed("maintenance", 2, "楼道漏水", "8号楼");
        board.apply(routed);
        assertThat(board.find(routed.complaintId()).orElseThrow().complaint().contact().phone()).isEqualTo("13800138000");

        keys.destroy(routed.complaintId().value()); // crypto-shredding, before any complaint-anonymised arrives
        DeskComplaint shredded = board.find(routed.complaintId()).orElseThrow();
        assertThat(shredded.complaint().contact()).isNull();
        assertThat(shredded.complaint().description()).isNull();
        assertThat(shredded.department()).isEqualTo("maintenance");
    }
}
