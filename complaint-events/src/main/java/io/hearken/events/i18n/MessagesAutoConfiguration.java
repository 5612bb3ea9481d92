package io.hearken.events.i18n;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's one message source, with every module's declared bundle ({@link MessageBasenames}): the
 * desk's and the dashboard's templates, the resident pages, the notifier's mails and the error pages all read
 * it. UTF-8; a language a bundle lacks gets that bundle's base file (never the server's own language), so each
 * module keeps its default (Chinese for residents, English for the desk's base file).
 */
@AutoConfiguration(before = MessageSourceAutoConfiguration.class)
public class MessagesAutoConfiguration {

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        return of(MessageBasenames.declared(MessagesAutoConfiguration.class.getClassLoader()));
    }

    /** The message source over these bundles, as the application gets it (also for tests). */
    public static ResourceBundleMessageSource of(Iterable<String> basenames) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        basenames.forEach(messages::addBasenames);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** Where pages are served: the shared error pages in Hearken's language rule, not the server's language. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ErrorPages {

        @Bean
        FilterRegistrationBean<ErrorPageLanguage> errorPageLanguage() {
            FilterRegistrationBean<ErrorPageLanguage> registration = new FilterRegistrationBean<>(new ErrorPageLanguage());
            registration.setDispatcherTypes(DispatcherType.ERROR);
            return registration;
        }
    }
}
