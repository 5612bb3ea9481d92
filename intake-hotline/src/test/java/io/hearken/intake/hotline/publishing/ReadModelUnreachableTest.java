package io.hearken.intake.hotline.publishing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearken.events.TrackingIds;
import io.hearken.intake.hotline.call.Call;
import io.hearken.readmodel.ComplaintLookup;
import io.hearken.readmodel.OpenComplaintsOfContact;
import io.hearken.readmodel.ReadModelAutoConfiguration;
import io.hearken.readmodel.TrackingIdsInUse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each question the hotline asks the read model, against the real client pointed at an address where nothing
 * listens: none of them is answered with a guess (a trusted id, "no open complaint", an unchecked id); each
 * says the read model is unreachable, so the call waits. The end-to-end behaviour is in HotlineReadModelOutageTest.
 */
class ReadModelUnreachableTest {

    final ApplicationContextRunner readModel = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReadModelAutoConfiguration.class))
            .withPropertyValues("hearken.elasticsearch.uris=http://127.0.0.1:" + closedPort(),
                    "hearken.elasticsearch.connect-timeout=1s");

    @Test
    void aTrackingIdNamedByTheAgentIsNotTrustedUnchecked() {
        readModel.run(context -> {
            ReadModelChecks checks = new ReadModelChecks(context.getBean(ComplaintLookup.class),
                    new OpenComplaints(context.getBean(OpenComplaintsOfContact.class),
                            new io.hearken.events.privacy.PersonalData("secret")));
            Call call = call(null, "来电人询问工单 " + TrackingIds.next() + " 的进度");

            assertThatThrownBy(() -> checks.agentNamed(call)).isInstanceOf(ReadModelUnreachable.class)
                    .hasMessageContaining("not checked");
        });
    }

    @Test
    void aCallerIsNotTakenToHaveNoOpenComplaint() {
        readModel.run(context -> {
            ReadModelChecks checks = new ReadModelChecks(context.getBean(ComplaintLookup.class),
                    new OpenComplaints(context.getBean(OpenComplaintsOfContact.class),
                            new io.hearken.events.privacy.PersonalData("secret")));

            assertThatThrownBy(() -> checks.openByContact(List.of(call("13700005501", "电梯又坏了"))))
                    .isInstanceOf(ReadModelUnreachable.class).hasMessageContaining("open complaints");
        });
    }

    @Test
    void aNewComplaintsIdIsNotUsedUnchecked() {
        readModel.run(context -> {
            NewComplaintIds ids = new NewComplaintIds(context.getBean(TrackingIdsInUse.class), callId -> Optional.empty(),
                    new CallEvents("secret"));

            assertThatThrownBy(() -> ids.assign(List.of(call(null, "楼道灯不亮")), new HashSet<>()))
                    .isInstanceOf(ReadModelUnreachable.class).hasMessageContaining("tracking ids not checked");
        });
    }

    private static Call call(String callerNumber, String summary) {
        return new Call(1, "RM-" + Math.abs(summary.hashCode()), null, null, callerNumber, null, null, null, null, summary,
                List.of(), null);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
