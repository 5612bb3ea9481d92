package io.hearken.notifier.sms;

import io.hearken.notifier.NotifierProperties;
import io.hearken.staff.StaffEndpoints;
import io.hearken.staff.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway forwards residents' replies with one of {@code hearken.notifier.sms.reply-keys} in {@code X-Api-Key};
 * an owner of its own, so those keys open this path only. Signed-in staff may post a reply too.
 */
@Configuration(value = "notifierSmsAccess", proxyBeanMethods = false)
class SmsAccess {

    @Bean
    StaffEndpoints notifierSmsReplyEndpoints(NotifierProperties properties) {
        return StaffEndpoints.of("notifier-sms-replies").require(StaffRole.STAFF, SmsRepliesApi.PATH)
                .orApiKeys(properties.sms().replyKeys());
    }
}
