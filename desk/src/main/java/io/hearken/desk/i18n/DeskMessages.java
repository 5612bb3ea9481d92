package io.hearken.desk.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** The desk's texts ({@code i18n/desk*.properties}) for code that is not a template. */
@Component
public class DeskMessages {

    private final MessageSource messages;

    DeskMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Locale locale, Object... args) {
        try {
            return messages.getMessage(key, args, locale == null ? DeskLanguages.CHINESE : locale);
        } catch (NoSuchMessageException missing) {
            return key;
        }
    }
}
