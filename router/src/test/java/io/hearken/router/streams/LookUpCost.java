package io.hearken.router.streams;

import io.hearken.events.ComplaintId;
import io.hearken.events.privacy.LocalKeys;
import io.hearken.router.history.HistoryEntry;
import io.hearken.router.history.LinkingComplaint;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not part of the suite (the name does not end in Test): the CPU of one duplicate/repeat look-up on a real history
 * store as the bench's history fill crowds it (docs/BENCHMARKS.md, seventh session, point 3): hotline calls name only
 * "N号楼" / "Block N" (40 buildings), 70 % Chinese, templated texts, a new resident for nearly every call, all of the
 * history inside one 24-hour duplicate window, incidents grown per building and kind of problem, three tasks writing,
 * and the data keys on local disk with their bounded cache of opened keys ({@link LocalKeys}). Prints CPU-ms and
 * entries decoded per look-up after each checkpoint; asserts nothing.
 * <pre>
 * ./mvnw -B -ntp -q -o -pl router -am test-compile &amp;&amp; (run the class with the router's test classpath)
 * </pre>
 * Arguments: the checkpoints (default 10000,50000,100000); {@code -Dcandidates=N}: the duplicate candidates compared
 * (default {@link LinkingComplaint#DEFAULT_CANDIDATES}); {@code -Drounds=N}: rounds of look-ups measured per checkpoint
 * after the warm-up one (default 1), the least CPU printed; {@code -Dopened.keys=N}: the opened data keys kept, as
 * {@code hearken.privacy.opened-keys} (default 25,000).
 */
public final class LookUpCost {

    private static final String[][] ZH = {
        {"facility", "电梯故障", "%4$s的电梯又坏了，%1$s楼按钮没反应，已经停了%2$s，老人上下楼很困难。"},
        {"facility", "电梯困人", "%4$s电梯困人！我们被困在%1$s楼和下一层之间，已经%2$s了，请马上派人！"},
        {"facility", "漏水", "我家%1$s楼卫生间天花板漏水，楼上一直在渗，已经%2$s了，墙皮都掉了。"},
        {"facility", "停水", "%4$s从%3$s开始停水，没有任何通知，到现在%2$s了还没来水。"},
        {"noise", "噪音扰民", "楼上%1$s楼每天晚上%3$s以后还在装修，电钻声音很大，孩子没法睡觉。"},
        {"environment", "垃圾清运", "%4$s门口的垃圾已经%2$s没人清理了，味道很大，还有老鼠。"},
        {"environment", "楼道卫生", "%1$s楼楼道里堆满了杂物和垃圾，保洁%2$s没来打扫了。"},
        {"safety", "门禁损坏", "%4$s的门禁坏了%2$s，外来人员随便进出，晚上%3$s以后很不安全。"},
        {"parking", "停车问题", "小区停车位被外来车辆占用，%3$s回来根本没有车位，保安也不管。"},
        {"fees", "物业费账单", "这个月的物业费账单金额有误，比上个月多收了%2$s的费用，请核实。"},
        {"facility", "路灯不亮", "%4$s旁边的路灯坏了%2$s，晚上%3$s以后一片漆黑，老人容易摔倒。"},
        {"facility", "暖气不热", "家里暖气从%3$s开始就不热，%1$s楼室温只有十几度，已经%2$s了。"}};
    private static final String[][] EN = {
        {"facility", "Lift out of order", "The lift in %4$s has been broken for %2$s; the button on floor %1$s does nothing."},
        {"facility", "Water leak", "Water is leaking through the bathroom ceiling on floor %1$s for %2$s now, the paint is peeling."},
        {"noise", "Noise at night", "The flat above floor %1$s has been drilling every night after %3$s for %2$s."},
        {"environment", "Rubbish not collected", "The bins outside %4$s have not been emptied for %2$s and they smell."},
        {"facility", "Heating off", "The heating on floor %1$s has been off since %3$s, it is very cold, %2$s already."},
        {"safety", "Door entry broken", "The entry door of %4$s has not locked for %2$s, strangers walk in after %3$s."},
        {"fees", "Wrong service charge", "My service charge bill is wrong this month, it is higher by %2$s worth of fees."},
        {"facility", "Street light out", "The light by %4$s is out for %2$s, the path is pitch dark after %3$s."},
        {"parking", "Parking taken", "Visitors park in residents' bays every evening after %3$s, security does nothing."}};
    private static final String[] DURATIONS_ZH = {"两天", "三天", "一个星期", "半个月", "一个小时", "二十分钟", "十分钟"};
    private static final String[] DURATIONS_EN = {"two days", "three days", "a week", "two weeks", "an hour", "ten minutes"};
    private static final String[] TIMES_ZH = {"昨天晚上", "今天早上", "晚上十点", "凌晨", "周一", "上个月"};
    private static final String[] TIMES_EN = {"last night", "this morning", "10 pm", "midnight", "Monday", "last month"};
    private static final String[] PLACES_ZH = {"二单元", "东门", "地下车库", "一楼大堂", "北侧", "三单元"};
    private static final String[] PLACES_EN = {"entrance B", "the east gate", "the car park", "the lobby", "the north side"};
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final int TASKS = 3;
    private static final int PROBES = 300;
    /** Rounds measured after the warm-up one; the least CPU of them is printed (a shared machine adds, never takes). */
    private static final int ROUNDS = Integer.getInteger("rounds", 1);

    private final Random random = new Random(16);
    private final Map<String, ComplaintId> masters = new HashMap<>();
    private int seq;

    /** A call as the hotline makes it, and the template it came from (for the fill's simulated linking). */
    private record Call(HistoryEntry entry, String template) {
    }

    public static void main(String[] args) throws Exception {
        int[] checkpoints = Arrays.stream((args.length > 0 ? args[0] : "10000,50000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int candidates = Integer.getInteger("candidates", 0);
        Path dir = Files.createTempDirectory("look-up-cost");
        int openedKeys = Integer.getInteger("opened.keys", 25_000);
        System.out.printf("opened keys kept: %,d%n", openedKeys);
        try (LocalKeys keys = new LocalKeys(openedKeys); HistoryStore store = new HistoryStore(dir, keys.sealing())) {
            new LookUpCost().run(store, checkpoints, candidates);
        }
    }

    private void run(HistoryStore store, int[] checkpoints, int candidates) {
        LinkingComplaint linking = candidates > 0
                ? new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3, candidates)
                : new LinkingComplaint(Duration.ofHours(24), Duration.ofDays(30), 0.3);
        List<RoutingHistory> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            RoutingHistory task = store.history();
            task.migrate(store.topic);
            tasks.add(task);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fillStart = System.nanoTime();
        for (int checkpoint : checkpoints) {
            while (seq < checkpoint) { // the fill: written as the router writes, linked as it would link templated calls
                Call call = next(seq);
                HistoryEntry e = call.entry();
                ComplaintId master = masters.putIfAbsent(e.building() + "|" + call.template(), e.complaintId());
                tasks.get(seq % TASKS).write(new HistoryEntry(e.complaintId(), e.at(), e.building(), e.unit(),
                        e.residentHash(), e.category(), e.text(), master, random.nextInt(10) == 0 ? true : null),
                        store.topic);
                seq++;
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            RoutingHistory task = tasks.get(0);
            double[] result = new double[3];
            double leastCpu = Double.MAX_VALUE;
            for (int round = 0; round <= ROUNDS; round++) { // the first round warms up
                long decodedBefore = task.decoded();
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                int linked = 0;
                for (int i = 0; i < PROBES; i++) {
                    LinkingComplaint.Result r = linking.link(next(seq + 1_000_000 + i).entry(), task);
                    linked += r.relatedTo() != null ? 1 : 0;
                }
                result = new double[] {(threads.getCurrentThreadCpuTime() - cpu) / 1e6 / PROBES,
                    (System.nanoTime() - wall) / 1e6 / PROBES, (double) (task.decoded() - decodedBefore) / PROBES, linked};
                leastCpu = round > 0 ? Math.min(leastCpu, result[0]) : leastCpu;
            }
            System.out.printf("LOOKUP history=%,d cpu=%.3f ms/look-up (least of %d rounds) wall=%.3f ms decoded=%.1f"
                    + " entries/look-up linked=%.0f of %d (fill so far %.0f s)%n", checkpoint, leastCpu, ROUNDS, result[1],
                    result[2], result[3], PROBES, fillSeconds);
        }
    }

    /** The n-th call: its building, unit, resident, category and text as the hotline and router make them. */
    private Call next(int n) {
        boolean zh = random.nextInt(10) < 7;
        int number = 1 + random.nextInt(20);
        String building = zh ? number + "号楼" : "block" + number;
        int floor = 1 + random.nextInt(30);
        String unit = floor + "%02d".formatted(1 + random.nextInt(8));
        int kind = random.nextInt(zh ? ZH.length : EN.length);
        String[] t = zh ? ZH[kind] : EN[kind];
        String text = t[2].formatted(floor, pick(zh ? DURATIONS_ZH : DURATIONS_EN), pick(zh ? TIMES_ZH : TIMES_EN),
                zh ? "阳光小区" + number + "号楼" + pick(PLACES_ZH) : "Riverside Block " + number + ", " + pick(PLACES_EN));
        int resident = n > 20 && random.nextInt(20) == 0 ? random.nextInt(n) : n;
        Instant at = START.plusMillis(n * 18L); // 100k calls in half an hour: all inside the 24-hour window
        HistoryEntry entry = new HistoryEntry(HistoryStore.id(n), at, building, unit, "resident-" + resident, t[0],
                t[1] + "\n坐席：您好，这里是物业服务热线。\n来电人：" + text, null);
        return new Call(entry, (zh ? "zh" : "en") + kind);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
