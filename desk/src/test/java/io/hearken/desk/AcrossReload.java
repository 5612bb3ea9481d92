package io.hearken.desk;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * A wait's condition that survives the complaint page reloading itself (it does when the status changes): an element
 * of the old page is stale, or, when chromedriver reads it mid-reload, "does not belong to the document", which it
 * reports as an unknown error rather than a stale element. Either is asked again; any other error stays an error.
 */
final class AcrossReload {

    private AcrossReload() {
    }

    static <T> ExpectedCondition<T> of(ExpectedCondition<T> condition) {
        return driver -> {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null; // not yet: FluentWait asks again
                }
                throw e;
            }
        };
    }
}
