package io.hearken.desk.console;

import io.hearken.staff.StaffPerson;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown or another department's complaint, asked for by a page or a form of the console: the same localized
 * page, with none of the complaint's data, as a 404.
 */
@ControllerAdvice(assignableTypes = {DeskConsole.class, ComplaintForms.class})
class NotInYourQueuePage {

    @ExceptionHandler(NotInYourQueue.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notInYourQueue(Authentication auth) {
        ModelAndView page = new ModelAndView("desk/not-found");
        page.addObject("person", StaffPerson.of(auth));
        return page;
    }
}
