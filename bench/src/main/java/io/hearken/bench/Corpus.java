package io.hearken.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Seeded, varied complaints: ~1,000 buildings (50 estates × 20 buildings), ten kinds of problem with several
 * phrasings each, Chinese (70 %) and English, filled with floors, units, durations and times; one resident in
 * twenty complains again (the router's repeat detection sees realistic history).
 */
final class Corpus {

    record Complaint(long seq, String name, String email, String phone, String building, String unit, String subject,
            String description, String language) {
    }

    private static final String[] ESTATES_ZH = {"阳光", "翠湖", "锦绣", "和平", "东方", "金桥", "海棠", "银杏", "南山",
        "望江", "梧桐", "春晖", "盛世", "紫荆", "北辰", "明珠", "新城", "碧水", "龙湖", "学府", "枫林", "雅苑", "青年",
        "书香", "丽景"};
    private static final String[] ESTATES_EN = {"Maple Court", "Riverside", "Oak Park", "Harbour View", "Elm Gardens",
        "North Campus", "Cedar House", "Willow Lane", "Kingsway", "Parkside", "Hillcrest", "Lakeside", "Bayview",
        "Orchard Place", "Station Quarter", "Meadow Hall", "Granary Wharf", "Birch Close", "St Anne's", "Quayside",
        "Foundry Yard", "Mill Court", "Dormitory West", "Dormitory East", "Library Row"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "霞"};
    private static final String[] NAMES_EN = {"Alex Morgan", "Sam Taylor", "Jordan Lee", "Chris Evans", "Pat Kim",
        "Robin Shaw", "Jamie Fox", "Casey Ng", "Morgan Hale", "Drew Patel"};

    /** {subject, description} per kind; %1$s floor, %2$s duration, %3$s time, %4$s place detail. */
    private static final List<String[]> ZH = List.of(
        new String[] {"电梯故障", "%4$s的电梯又坏了，%1$s楼按钮没反应，已经停了%2$s，老人上下楼很困难。"},
        new String[] {"电梯困人", "%4$s电梯困人！我们被困在%1$s楼和下一层之间，已经%2$s了，请马上派人！"},
        new String[] {"漏水", "我家%1$s楼卫生间天花板漏水，楼上一直在渗，已经%2$s了，墙皮都掉了。"},
        new String[] {"停水", "%4$s从%3$s开始停水，没有任何通知，到现在%2$s了还没来水。"},
        new String[] {"噪音扰民", "楼上%1$s楼每天晚上%3$s以后还在装修，电钻声音很大，孩子没法睡觉。"},
        new String[] {"垃圾清运", "%4$s门口的垃圾已经%2$s没人清理了，味道很大，还有老鼠。"},
        new String[] {"楼道卫生", "%1$s楼楼道里堆满了杂物和垃圾，保洁%2$s没来打扫了。"},
        new String[] {"门禁损坏", "%4$s的门禁坏了%2$s，外来人员随便进出，晚上%3$s以后很不安全。"},
        new String[] {"停车问题", "小区停车位被外来车辆占用，%3$s回来根本没有车位，保安也不管。"},
        new String[] {"物业费账单", "这个月的物业费账单金额有误，比上个月多收了%2$s的费用，请核实。"},
        new String[] {"路灯不亮", "%4$s旁边的路灯坏了%2$s，晚上%3$s以后一片漆黑，老人容易摔倒。"},
        new String[] {"暖气不热", "家里暖气从%3$s开始就不热，%1$s楼室温只有十几度，已经%2$s了。"});
    private static final List<String[]> EN = List.of(
        new String[] {"Lift out of order", "The lift in %4$s has been broken for %2$s; the button on floor %1$s does nothing."},
        new String[] {"Water leak", "Water is leaking through the bathroom ceiling on floor %1$s for %2$s now, the paint is peeling."},
        new String[] {"Noise at night", "The flat above floor %1$s has been drilling every night after %3$s for %2$s."},
        new String[] {"Rubbish not collected", "The bins outside %4$s have not been emptied for %2$s and they smell."},
        new String[] {"Heating off", "The heating on floor %1$s has been off since %3$s, it is very cold, %2$s already."},
        new String[] {"Door entry broken", "The entry door of %4$s has not locked for %2$s, strangers walk in after %3$s."},
        new String[] {"Wrong service charge", "My service charge bill is wrong this month, it is higher by %2$s worth of fees."},
        new String[] {"Street light out", "The light by %4$s is out for %2$s, the path is pitch dark after %3$s."},
        new String[] {"Parking taken", "Visitors park in residents' bays every evening after %3$s, security does nothing."});
    private static final String[] DURATIONS_ZH = {"两天", "三天", "一个星期", "半个月", "一个小时", "二十分钟", "十分钟"};
    private static final String[] DURATIONS_EN = {"two days", "three days", "a week", "two weeks", "an hour", "ten minutes"};
    private static final String[] TIMES_ZH = {"昨天晚上", "今天早上", "晚上十点", "凌晨", "周一", "上个月"};
    private static final String[] TIMES_EN = {"last night", "this morning", "10 pm", "midnight", "Monday", "last month"};
    private static final String[] PLACES_ZH = {"二单元", "东门", "地下车库", "一楼大堂", "北侧", "三单元"};
    private static final String[] PLACES_EN = {"entrance B", "the east gate", "the car park", "the lobby", "the north side"};

    private final Random random;
    private final String runTag;
    private long seq;

    Corpus(long seed, String runTag) {
        this.random = new Random(seed);
        this.runTag = runTag;
    }

    static int buildingCount() {
        return ESTATES_ZH.length * 2 * 20;
    }

    Complaint next() {
        long n = seq++;
        boolean zh = random.nextInt(10) < 7;
        int estate = random.nextInt(ESTATES_ZH.length);
        int number = 1 + random.nextInt(20);
        String building = zh ? ESTATES_ZH[estate] + "小区" + number + "号楼" : ESTATES_EN[estate] + " Block " + number;
        int floor = 1 + random.nextInt(30);
        String unit = floor + "%02d".formatted(1 + random.nextInt(8));
        String[] t = zh ? ZH.get(random.nextInt(ZH.size())) : EN.get(random.nextInt(EN.size()));
        String text = t[1].formatted(floor, pick(zh ? DURATIONS_ZH : DURATIONS_EN), pick(zh ? TIMES_ZH : TIMES_EN),
                zh ? building + pick(PLACES_ZH) : building + ", " + pick(PLACES_EN));
        // One in twenty: a resident seen before (a repeat complaint); else a new address.
        long resident = n > 20 && random.nextInt(20) == 0 ? random.nextLong(n) : n;
        String name = zh ? pick(SURNAMES) + pick(GIVEN) + (resident % 7 == 0 ? pick(GIVEN) : "") : pick(NAMES_EN);
        return new Complaint(n, name, "r" + resident + "." + runTag + "@bench.example", "138" + "%08d".formatted(resident),
                building, unit, t[0], text, zh ? "zh-CN" : "en");
    }

    String json(Complaint c) {
        return "{\"name\":" + q(c.name()) + ",\"email\":" + q(c.email()) + ",\"building\":" + q(c.building())
                + ",\"unit\":" + q(c.unit()) + ",\"subject\":" + q(c.subject()) + ",\"description\":"
                + q(c.description()) + ",\"language\":" + q(c.language()) + ",\"consent\":true}";
    }

    /** A hotline CSV export of {@code calls} calls (the documented columns), call ids unique per run. */
    String hotlineCsv(int calls, String batch) {
        StringBuilder csv = new StringBuilder("category,call_id,start_time,caller_number,duration_s,agent_id,location,summary,transcript\n");
        // Calls of the last ten minutes: older start times would start every SLA clock already breached, a storm of
        // escalation mails no real export causes.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        long spread = Math.max(1, 600_000L / Math.max(1, calls));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        for (int i = 0; i < calls; i++) {
            Complaint c = next();
            csv.append(c.subject()).append(',').append("BENCH-").append(runTag).append('-').append(batch).append('-')
                    .append(i).append(',').append(now.minusNanos((calls - i) * spread * 1_000_000L).withNano(0).format(f)).append(',').append(c.phone())
                    .append(',').append(60 + random.nextInt(400)).append(",A0").append(10 + random.nextInt(30))
                    .append(',').append(csvField(c.building() + " " + c.unit())).append(',')
                    .append(csvField(c.subject())).append(',')
                    .append(csvField("坐席：您好，这里是物业服务热线。\n来电人：" + c.description())).append('\n');
        }
        return csv.toString();
    }

    String text() {
        return next().description();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String csvField(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
