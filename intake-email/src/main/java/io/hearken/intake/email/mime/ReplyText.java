package io.hearken.intake.email.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a resident newly wrote in a reply: the quoted history (English and Chinese mail clients' headers:
 * "On ... wrote:", "-----Original Message-----", "-----原始邮件-----", "发件人: ... 发送时间: ...",
 * "在 ... 写道：", "&gt;" lines) and the signature ("-- ", "Sent from my iPhone", "发自我的iPhone") are cut.
 */
public final class ReplyText {

    private static final Pattern[] CUT_HERE = {
            Pattern.compile("^-{2,}\\s*(Original Message|Original message|原始邮件|原始郵件|Reply message|回复的原邮件)\\s*-{2,}.*$"),
            Pattern.compile("^(On|Am|Le|El)\\s.{1,300}(wrote|schrieb|a écrit|escribió)\\s?:$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^在?\\s?.{1,200}(写道|寫道)\\s?[:：]$"),
            Pattern.compile("^_{8,}$"),
            Pattern.compile("^-- ?$"),
            Pattern.compile("^(Sent from my|Sent from Mail for|Sent from Outlook|Get Outlook for|Sent with|"
                    + "发自我的|發自我的|来自我的|來自我的|从我的|发自 ?(网易|QQ|手机|iPhone|Android)).*$", Pattern.CASE_INSENSITIVE)};
    private static final Pattern ON_LINE = Pattern.compile("^On\\s.{1,300}", Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_LINE = Pattern.compile("^.{0,120}wrote:$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|发件人|寄件者|發件人)\\s*\\*?\\s*[:：].*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\*?(Sent|Date|To|Subject|Cc|发送时间|發送時間|时间|日期|收件人|主题|主旨|抄送)\\s*\\*?\\s*[:：].*$",
            Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    public static String newPart(String text) {
        String[] lines = Texts.tidy(text).split("\n");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (cutsHere(line, lines, i)) {
                break;
            }
            if (line.startsWith(">")) {
                continue;
            }
            kept.add(lines[i]);
        }
        return Texts.tidy(String.join("\n", kept));
    }

    private static boolean cutsHere(String line, String[] lines, int i) {
        for (Pattern p : CUT_HERE) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        // Gmail wraps a long "On ... <a@b>" line before "wrote:".
        if (ON_LINE.matcher(line).matches() && i + 1 < lines.length && WROTE_LINE.matcher(lines[i + 1].strip()).matches()) {
            return true;
        }
        // An Outlook / Foxmail / QQ header block: "From:" then Sent/To/Subject lines.
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                if (HEADER_NEXT.matcher(lines[j].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
