package io.hearken.events.privacy;

import static io.hearken.events.privacy.FreeTextMasking.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FreeTextMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            我的电话13812345678，请回电                   | 我的电话[phone]，请回电
            电话：138 1234 5678                          | 电话：[phone]
            手机 138-1234-5678。                          | 手机 [phone]。
            +86 138 1234 5678                           | [phone]
            +8613812345678                              | [phone]
            008613812345678 找王先生                      | [phone] 找[name]
            86-13912345678                              | [phone]
            座机010-12345678转分机                         | 座机[phone]转分机
            座机 0755 1234 5678                          | 座机 [phone]
            (010)12345678                               | [phone]
            （0755）12345678                             | [phone]
            02079460958                                 | [phone]
            call me on +44 20 7946 0958 please          | call me on [phone] please
            UK 020 7946 0958                            | UK [phone]
            US (555) 123-4567 after 6pm                 | US [phone] after 6pm
            or 555-123-4567.                            | or [phone].
            or 555.123.4567                             | or [phone]
            +1 (555) 123-4567                           | [phone]
            +33 1 23 45 67 89                           | [phone]
            +86-10-12345678                             | [phone]
            """)
    void masksPhoneNumbers(String text, String expected) {
        assertThat(mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            身份证号110101199003071234，                   | 身份证号[id-card]，
            身份证 11010119900307123X                     | 身份证 [id-card]
            ID card 44030420011231001x.                 | ID card [id-card].
            老身份证110101900307123                         | 老身份证[id-card]
            """)
    void masksIdCards(String text, String expected) {
        assertThat(mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            邮箱zhang.wei@example.com谢谢                   | 邮箱[email]谢谢
            write to Wei.Zhang+home@mail.example.co.uk. | write to [email].
            a_b-c@sub-domain.example.cn                 | [email]
            """)
    void masksEmails(String text, String expected) {
        assertThat(mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            京A12345的车一直停在消防通道                         | [plate]的车一直停在消防通道
            粤B·D12345 新能源车占位                          | [plate] 新能源车占位
            粤BD12345占位                                 | [plate]占位
            沪A·1234学                                   | [plate]
            浙B12345挂车                                  | [plate]车
            车牌号：A23456                                 | 车牌号：[plate]
            a car with plate AB12 CDE blocks the gate   | a car with plate [plate] blocks the gate
            van AB12CDE again                           | van [plate] again
            licence plate: XYZ-1234                     | licence plate: [plate]
            plate number 7ABC123 parked                 | plate number [plate] parked
            license plate ABC 123                       | license plate [plate]
            """)
    void masksPlates(String text, String expected) {
        assertThat(mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            李师傅昨天来修过，还是漏水                           | [name]昨天来修过，还是漏水
            物业王经理说下周处理                               | 物业[name]说下周处理
            找张先生和刘女士都没用                              | 找[name]和[name]都没用
            王建国先生答应退款                                | [name]答应退款
            欧阳娜娜女士                                    | [name]
            保洁阿姨说是周阿姨负责                              | 保洁阿姨说是[name]负责
            陈老师傅、赵老师、孙主任、钱保安                          | [name]、[name]、[name]、[name]
            李总经理和张副主任来看过                             | [name]和[name]来看过
            上周王先生来过                                  | 上周[name]来过
            谢谢王师傅                                    | 谢谢[name]
            Mr Smith from 502 keeps parking here      | [name] from 502 keeps parking here
            I told Mrs. O'Brien and Dr Jane Doe       | I told [name] and [name]
            Ms Wang Building 3 reception was rude      | [name] Building 3 reception was rude
            Mr Li Mrs Wang                            | [name] [name]
            Miss Chen's dog barks all night           | [name]'s dog barks all night
            ask Mr.McDonald or Ms Smith-Jones         | ask [name] or [name]
            """)
    void masksPeopleNamedByATitle(String text, String expected) {
        assertThat(mask(text)).isEqualTo(expected);
    }

    /** What only looks like a name: a surname without a title, a title without a surname, words ending in a surname. */
    @ParameterizedTest
    @ValueSource(strings = {
            "王府井的店", "维修师傅还没来", "师傅说明天来", "小区保安不管", "物业经理不接电话", "保洁阿姨很负责",
            "上周师傅来过", "这周老师不在", "班主任老师说", "谢谢师傅", "感谢老师", "要提高保安意识", "任何师傅都没来",
            "关于老师的态度", "对方经理不理", "历史老师", "工程经理", "园林师傅", "支付保安费", "十点钟保安就走了",
            "基金经理", "他曾经理论过", "我向经理反映过", "小王和老李", "王总说", "经常师傅不在", "Mr.", "Mr. and",
            "Dr", "mr smith", "Missing parcel", "the MR report", "Mr 502", "Ms. is the title", "Drive slowly"})
    void leavesWordsThatOnlyLookLikeNamesAlone(String text) {
        assertThat(mask(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HK-2345-6789", "跟进 HK-ABCD-EF23 的处理", "tracking id HK-7K3M-Q9PD",
            "2026-12-06 14:30 停水", "12/06/2026", "06-12-2026", "at 14:30:05", "¥1200", "￥1,200.50", "$1,299.99",
            "3号楼1203室", "5栋2单元1203", "room 1203, building 3", "order 12345", "订单号 2026120612345",
            "order 20261206123456789", "temperature 38.5", "1.5 million", "+5 degrees", "2026年12月6日",
            "电话坏了，打12345热线", "110报警", "120 急救", "call 911", "the template v2 plate of noodles",
            "platelet count 123", "第12345678号文件", "ISO 9001", "COVID-19", "A4 paper", "Floor 12, Unit 1203",
            "abc12345678901", "序号12345678901"})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(mask(text)).isEqualTo(text);
    }

    @Test
    void masksEverythingInOneText() {
        String text = "我是住在3号楼1203室的居民，电话13812345678，身份证110101199003071234，邮箱zhang.wei@example.com，"
                + "京A12345每天停在我家门口。投诉编号HK-2345-6789，2026-12-06 14:30发生，损失¥1200。";
        assertThat(mask(text)).isEqualTo("我是住在3号楼1203室的居民，电话[phone]，身份证[id-card]，邮箱[email]，"
                + "[plate]每天停在我家门口。投诉编号HK-2345-6789，2026-12-06 14:30发生，损失¥1200。");
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(mask(null)).isNull();
        assertThat(mask("")).isEmpty();
        assertThat(mask(mask("电话13812345678"))).isEqualTo("电话[phone]");
    }

    @Test
    void aLongRunOfLettersWithNoAtSignIsMaskedInOnePass() {
        // A 100,000-character mail text of one word used to keep the indexer busy for minutes (quadratic).
        String run = "a".repeat(300_000);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThat(mask(run + " 联系zhang.wei@example.com"))
                .isEqualTo(run + " 联系[email]"));
    }

    @Test
    void theQuickChecksNeverSkipAPatternThatWouldHaveMaskedSomething() {
        // Texts of fragments that come near every pattern (and many that only nearly match), in many combinations.
        String[] fragments = {"13812345678", "138 1234 5678", "+86", "+44 20 7946 0958", "(555) 123-4567", "555.123.4567",
            "010-12345678", "0755", "02079460958", "110101199003071234", "11010119900307123X", "110101900307123",
            "zhang.wei@example.com", "a@b", "@", "京A12345", "粤B·D12345", "沪AD12345", "AB12 CDE", "ab12 cde",
            "plate ABC-1234", "PLATE no. XY 99", "Licence plate #K9", "车牌号：A12345", "车牌是B2", "[plate]",
            "3号楼1203室", "2026-12-06", "14:30", "¥1200", "HK-2345-6789", "12", "1234", "5678", "0", "-", ".", " ",
            "，", "电话", "门口", "Mr Smith", "李师傅", "王建国先生", "张副主任", "维修师傅", "上周师傅", "Dr. Jane Doe",
            "Mrs Li", "Prof O'Brien", "Miss", "Mx", "X", "ab", "9"};
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                text.append(fragments[random.nextInt(fragments.length)]);
            }
            String t = text.toString();
            assertThat(mask(t)).as(t).isEqualTo(everyPattern(t));
        }
    }

    /** The masking without the quick checks: every pattern over every text, then the names. */
    static String everyPattern(String text) {
        String masked = text;
        for (FreeTextMasking.Rule rule : FreeTextMasking.RULES) {
            masked = FreeTextMasking.apply(rule, masked);
        }
        return PersonNames.english(PersonNames.chinese(masked));
    }
}
