package io.hearken.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): the CPU of masking one complaint text, with the quick checks
 * ({@link FreeTextMasking#mask}) and with every pattern run over it (as before them; FreeTextMaskingTest proves both
 * give the same text). Texts as the bench's corpus writes them, one in five with a phone number. Prints the figures
 * (docs/BENCHMARKS.md); asserts only that both agree.
 * {@code ./mvnw -B -ntp -q -pl complaint-events -am test -Dtest=MaskingCost -Dsurefire.failIfNoSpecifiedTests=false}
 */
class MaskingCost {

    private static final String[] TEXTS = {
        "5号楼的电梯又坏了，12楼按钮没反应，已经停了两天，老人上下楼很困难。",
        "楼上8楼每天晚上十点以后还在装修，电钻声音很大，孩子没法睡觉。",
        "The lift in Block 7 has been broken for two days; the button on floor 3 does nothing.",
        "我家3号楼1203室卫生间天花板漏水，楼上一直在渗，已经一个星期了，墙皮都掉了。请联系13812345678",
        "Visitors park in residents' bays every evening after 10 pm, security does nothing."};
    private static final int TIMES = 200_000;

    @Test
    void microsecondsPerText() {
        for (int round = 0; round < 5; round++) { // the first rounds warm up the JIT
            long start = System.nanoTime();
            int every = 0;
            for (int i = 0; i < TIMES; i++) {
                every += FreeTextMaskingTest.everyPattern(TEXTS[i % TEXTS.length]).length();
            }
            long between = System.nanoTime();
            int quick = 0;
            for (int i = 0; i < TIMES; i++) {
                quick += FreeTextMasking.mask(TEXTS[i % TEXTS.length]).length();
            }
            long end = System.nanoTime();
            System.out.printf("every pattern %.1f µs a text, with the quick checks %.1f µs%n",
                    (between - start) / 1e3 / TIMES, (end - between) / 1e3 / TIMES);
            assertThat(quick).isEqualTo(every);
        }
    }
}
