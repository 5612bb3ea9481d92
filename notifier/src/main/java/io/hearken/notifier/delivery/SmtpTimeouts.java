package io.hearken.notifier.delivery;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Jakarta Mail waits forever on a silent SMTP server by default, which would block a consumer thread without
 * bound. Unless {@code spring.mail.properties.mail.smtp.*timeout} says otherwise, use
 * {@code hearken.notifier.smtp-timeout} (10 s).
 */
@Component("notifierSmtpTimeouts")
class SmtpTimeouts implements BeanPostProcessor, EnvironmentAware {

    private Duration timeout = Duration.ofSeconds(10);

    @Override
    public void setEnvironment(Environment environment) {
        timeout = environment.getProperty("hearken.notifier.smtp-timeout", Duration.class, timeout);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
            for (String key : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
                sender.getJavaMailProperties().putIfAbsent(key, String.valueOf(timeout.toMillis()));
            }
        }
        return bean;
    }
}
