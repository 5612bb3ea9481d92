package io.hearken.desk;

import io.hearken.desk.i18n.DeskLocaleFilter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Everything in {@code io.hearken.desk}. */
@AutoConfiguration(after = MessageSourceAutoConfiguration.class)
@EnableConfigurationProperties(DeskProperties.class)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class DeskAutoConfiguration {

    static final String MESSAGES = "i18n/desk";

    /** The desk's texts when nobody else made the application's message source (the desk on its own). */
    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(MESSAGES);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** In the all-in-one another module's (or Boot's) message source may be the one: the desk adds its basename. */
    @Bean
    static BeanPostProcessor deskMessageBasename() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(name)
                        && bean instanceof AbstractResourceBasedMessageSource messages
                        && !messages.getBasenameSet().contains(MESSAGES)) {
                    messages.addBasenames(MESSAGES);
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<DeskLocaleFilter> deskLocaleFilter() {
        FilterRegistrationBean<DeskLocaleFilter> registration = new FilterRegistrationBean<>(new DeskLocaleFilter());
        registration.addUrlPatterns("/desk", "/desk/*", "/login", "/api/v1/desk/*");
        registration.setOrder(0); // after Spring Security (-100): the person is known
        return registration;
    }
}
