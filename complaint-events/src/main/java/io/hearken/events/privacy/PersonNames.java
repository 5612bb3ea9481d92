package io.hearken.events.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people in free text, in the forms complaints name them: a Chinese surname with a title ({@code 李师傅},
 * {@code 王经理}, {@code 张副主任}; a full name only before 先生 / 女士 / 小姐: {@code 王建国先生}) and an English
 * title with a capitalised name ({@code Mr Smith}, {@code Dr. Jane Doe}). Conservative: a title without a surname
 * ({@code 维修师傅}), a surname without a title ({@code 王府井}), {@code 小王} / {@code 老李}, {@code 王总} and
 * {@code Mr.} alone stay, and so do the common words that end in a surname before a title ({@code 上周师傅},
 * {@code 班主任老师}, {@code 谢谢师傅}, {@code 提高保安意识}). 向 is left out of the surnames: before a title it is
 * nearly always "to" ({@code 向经理反映}).
 */
final class PersonNames {

    /** The most common Chinese surnames (about the first hundred), and compound surnames. */
    private static final String SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|慕容|令狐|司徒|夏侯|公孙|["
            + "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            + "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常]";
    /** Longest first, so 老师傅 is taken whole rather than as 老师. */
    private static final String TITLES = "老师傅|工程师|师傅|经理|先生|女士|小姐|阿姨|老师|主任|保安|大爷|大妈|大姐|大哥|叔叔"
            + "|医生|护士|律师|警官|书记|科长|处长|部长|队长|班长|组长|院长|校长|厂长|所长|站长|店长|老板|总监|主管|管家|同学"
            + "|教授|会计|太太|奶奶|爷爷|伯伯";
    /** Given names: one or two characters, not the little words that follow a surname-like character. */
    private static final String GIVEN = "[\\p{IsHan}&&[^的了是和与跟在给对向找叫说请让被把这那位个们及或]]{1,2}";
    /** A Chinese name here always ends in one of these: texts without any skip the pattern (a scan at every character). */
    private static final List<String> TITLE_WORDS = List.of(TITLES.split("\\|"));
    private static final Pattern CHINESE = Pattern.compile(
            "(?:" + SURNAMES + ")(?:" + GIVEN + "(?=先生|女士|小姐))?[副总]?(?:" + TITLES + ")");

    /** Words where a surname character is part of another word: what comes before it | the surname on. */
    private static final List<String[]> NOT_NAMES = List.of(
            "上|周", "这|周", "下|周", "本|周", "每|周", "一|周", "两|周", "几|周", "点|钟", "时|段", "路|段", "阶|段",
            "关|于", "对|于", "由|于", "至|于", "等|于", "位|于", "属|于", "终|于", "在|于", "过|于", "大|于", "小|于",
            "任|何", "如|何", "为|何", "几|何", "对|方", "双|方", "业|方", "甲|方", "乙|方", "我|方", "校|方", "院|方",
            "一|方", "各|方", "警|方", "司|方", "地|方", "历|史", "明|白", "空|白", "其|余", "多|余", "剩|余", "业|余",
            "工|程", "过|程", "课|程", "园|林", "树|林", "主|任", "责|任", "信|任", "担|任", "谢|谢", "感|谢", "多|谢",
            "致|谢", "答|谢", "支|付", "交|付", "应|付", "垫|付", "预|付", "对|付", "提|高", "最|高", "很|高", "太|高",
            "更|高", "较|高", "也|许", "允|许", "或|许", "不|许", "准|许", "少|许", "资|金", "基|金", "押|金", "租|金",
            "现|金", "奖|金", "照|顾", "坦|白", "经|常", "非|常", "正|常", "异|常", "日|常", "通|常", "平|常",
            "|谢谢", "|曾经理论", "|曾经理解")
            .stream().map(w -> w.split("\\|", -1)).toList();

    /** Capitalised words that follow a title or a name without being one (a title too: "Mr Li Mrs Wang"). */
    private static final String NOT_NAME_WORDS = "(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|From|Of|In|At|On|And|Or|The|Is|Was"
            + "|Has|Had|Said|Says|Told|Came|You|Me|It|This|That|Her|Him|Building|Block|Tower|Flat|Room|Unit|Apartment"
            + "|Floor|Street|Road|Lane|Estate|Court|House|Hall|Office|Department|Team|Security|Maintenance|Reception"
            + "|Today|Yesterday|Tomorrow|Again|Please|Thanks|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + "(?![A-Za-z])";
    /** Smith, O'Brien, McDonald, Smith-Jones; not the 's of Smith's. */
    private static final String NAME_WORD = "(?!" + NOT_NAME_WORDS + ")[A-Z](?:'[A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?";
    /** An English name here always follows one of these (Mrs contains Mr). */
    private static final List<String> ENGLISH_TITLES = List.of("Mr", "Ms", "Miss", "Mx", "Dr", "Prof");
    private static final Pattern ENGLISH = Pattern.compile("(?<![A-Za-z])(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)(?:\\.[ \\t]*|[ \\t]+)"
            + NAME_WORD + "(?:[ \\t]+" + NAME_WORD + ")?");

    private PersonNames() {
    }

    static String mask(String text) {
        String masked = TITLE_WORDS.stream().anyMatch(text::contains) ? chinese(text) : text;
        return ENGLISH_TITLES.stream().anyMatch(masked::contains) ? english(masked) : masked;
    }

    /** Chinese names by title, in every text (mask() asks first whether a title is there at all). */
    static String chinese(String text) {
        Matcher m = CHINESE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            if (partOfAWord(text, m.start())) {
                from = m.start() + 1; // a name may still start right after
                continue;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, m.start()).append(FreeTextMasking.NAME);
            copied = m.end();
            from = m.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean partOfAWord(String text, int start) {
        for (String[] w : NOT_NAMES) {
            int at = start - w[0].length();
            if (at >= 0 && text.startsWith(w[0] + w[1], at)) {
                return true;
            }
        }
        return false;
    }

    /** English names by title, in every text. */
    static String english(String text) {
        return ENGLISH.matcher(text).replaceAll(Matcher.quoteReplacement(FreeTextMasking.NAME));
    }
}
