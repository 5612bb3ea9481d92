package io.hearken.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar hearken.jar} runs with the JVM's default heap (up to a quarter of RAM), and G1 keeps
 * what it once committed. These flags are "manageable", so the all-in-one can set them itself: a
 * periodic collection when idle, and a heap that shrinks to what is live plus 30 %. That is what keeps
 * the all-in-one near its memory budget without asking users for {@code -Xmx}. A flag given on the
 * command line is left as it is.
 */
final class IdleHeapReturn {

    static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        // Min before Max: each must stay consistent with the other while they are set one by one.
        FLAGS.put("MinHeapFreeRatio", "10");
        FLAGS.put("MaxHeapFreeRatio", "30");
        FLAGS.put("G1PeriodicGCInterval", "15000");
    }

    private IdleHeapReturn() {
    }

    /** Returns the flags it set. */
    static Map<String, String> apply() {
        Map<String, String> set = new LinkedHashMap<>();
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return set;
        }
        FLAGS.forEach((flag, value) -> {
            try {
                VMOption option = vm.getVMOption(flag);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    vm.setVMOption(flag, value);
                    set.put(flag, value);
                }
            } catch (IllegalArgumentException notThisGc) {
                // Another collector (e.g. -XX:+UseSerialGC) has no such flag: nothing to tune.
            }
        });
        return set;
    }
}
