package io.hearken.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class IdleHeapReturnTest {

    @Test
    void theRunningJvmGivesIdleHeapBackUnlessTheFlagsWereGivenOnTheCommandLine() {
        IdleHeapReturn.apply();
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1"));
        IdleHeapReturn.FLAGS.forEach((flag, value) -> {
            if (!g1 && flag.startsWith("G1")) {
                return;
            }
            var option = vm.getVMOption(flag);
            if (option.getOrigin() != com.sun.management.VMOption.Origin.VM_CREATION) {
                assertThat(option.getValue()).as(flag).isEqualTo(value);
            }
        });
    }
}
