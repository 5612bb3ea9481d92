package io.hearken.desk.replies;

import io.hearken.desk.replies.CannedRepliesProperties.Reply;
import java.util.List;
import java.util.Map;

/** The office-wide canned replies a desk has before anyone configured its own (replaced by any configuration). */
final class BuiltIn {

    private BuiltIn() {
    }

    static Map<String, List<Reply>> replies() {
        return Map.of(CannedRepliesProperties.OFFICE, List.of(
                new Reply("已安排处理", "您好，您的投诉 {trackingId} 已由{department}安排专人处理，我们会尽快与您联系。", "zh-CN"),
                new Reply("请补充信息", "您好，为尽快处理您的投诉 {trackingId}，请补充具体位置（{building}）和方便上门的时间。", "zh-CN"),
                new Reply("已处理完毕", "您好，您反映的问题（{trackingId}）已由{department}处理完毕。如仍有问题，请回复本邮件。", "zh-CN"),
                new Reply("In hand", "Hello, your complaint {trackingId} is in the hands of {department}; we will be in touch soon.", "en"),
                new Reply("More information", "Hello, to handle {trackingId} quickly, please tell us the exact place ({building}) and when we may visit.", "en"),
                new Reply("Done", "Hello, {department} has dealt with the matter you raised ({trackingId}). If anything is still wrong, just reply to this mail.", "en")));
    }
}
