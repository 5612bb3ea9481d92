package io.hearken.intake.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hearken.intake.web.form.ResidentForm;
import io.hearken.intake.web.i18n.WebLocales;
import io.hearken.intake.web.i18n.WebMessages;
import io.hearken.intake.web.intake.ComplaintDraft;
import io.hearken.intake.web.intake.DraftValidation;
import io.hearken.intake.web.intake.Violation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a resident's browser or an API client sends, turned into a draft the way the web paths do it (no Spring,
 * no Kafka): the JSON body of {@code POST /api/v1/complaints} (read into the API's own record), the form's fields
 * (the form's own binding object) and an Open311 request's fields. Each is accepted, or refused with field problems
 * whose text exists in both languages; a JSON body that cannot be read is the API's 400 "malformed". Any other
 * exception, an Error or a hang is a bug. The classes' package-private parts are reached by reflection, as Spring
 * reaches them.
 */
class ComplaintInputsFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // as Boot configures it
            .build();
    private static final Class<?> NEW_COMPLAINT = type("io.hearken.intake.web.api.ApiRecords$NewComplaint");
    private static final Method API_DRAFT = method(NEW_COMPLAINT, "draft");
    private static final Method FORM_DRAFT = method(ResidentForm.class, "draft", String.class);
    private static final DraftValidation VALIDATION = validation();
    private static final WebMessages MESSAGES = new WebMessages(
            io.hearken.events.i18n.MessagesAutoConfiguration.of(java.util.List.of("i18n/web")));

    @FuzzTest(maxDuration = "10s")
    void jsonBody(byte[] body) throws ReflectiveOperationException {
        Object read;
        try {
            read = JSON.readValue(body, NEW_COMPLAINT);
        } catch (JacksonException malformed) {
            return; // the API's 400 "malformed": refused with its reason
        }
        if (read == null) {
            return; // a JSON null: also "malformed"
        }
        check((ComplaintDraft) API_DRAFT.invoke(read), false, WebLocales.EN);
    }

    @FuzzTest(maxDuration = "10s")
    void formFields(FuzzedDataProvider data) throws ReflectiveOperationException {
        ResidentForm form = new ResidentForm();
        form.setName(text(data, 120));
        form.setEmail(text(data, 220));
        form.setPhone(text(data, 30));
        form.setResidentType(text(data, 12));
        form.setBuilding(text(data, 120));
        form.setUnit(text(data, 60));
        form.setCategoryHint(text(data, 50));
        form.setSubject(text(data, 220));
        form.setConsent(data.consumeBoolean());
        form.setDescription(data.consumeRemainingAsString());
        Locale locale = WebLocales.fromAcceptLanguage(text(data, 40));
        check((ComplaintDraft) FORM_DRAFT.invoke(form, WebLocales.tag(locale)), true, locale);
    }

    /** Open311 builds its draft from the request's parameters (anonymous reports allowed, so no contact rule). */
    @FuzzTest(maxDuration = "10s")
    void open311Fields(FuzzedDataProvider data) {
        Locale locale = WebLocales.fromAcceptLanguage(text(data, 40));
        String name = text(data, 120);
        ComplaintDraft draft = new ComplaintDraft(name, text(data, 220), text(data, 30), null, text(data, 200), null,
                null, text(data, 6000), text(data, 40), WebLocales.tag(locale), null);
        List<Violation> problems = VALIDATION.check(draft, false).stream()
                .filter(v -> !"ContactRequired".equals(v.code())).toList();
        reasons(problems, locale);
    }

    private static void check(ComplaintDraft draft, boolean consentRequired, Locale locale) {
        List<Violation> problems = VALIDATION.check(draft, consentRequired);
        if (problems.isEmpty()) {
            assertThat(draft.description()).isNotBlank();
            assertThat(draft.email() != null || draft.phone() != null).isTrue();
        }
        reasons(problems, locale);
    }

    /** Every refusal names a field, a rule and a text the resident can read in either language. */
    private static void reasons(List<Violation> problems, Locale locale) {
        for (Violation v : problems) {
            assertThat(v.field()).isNotBlank();
            assertThat(v.code()).isNotBlank();
            for (Locale l : List.of(locale, WebLocales.ZH, WebLocales.EN)) {
                assertThat(MESSAGES.violation(v, l)).isNotBlank();
            }
        }
    }

    private static String text(FuzzedDataProvider data, int max) {
        return data.consumeBoolean() ? null : data.consumeString(max);
    }

    private static DraftValidation validation() {
        try {
            Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
            Constructor<DraftValidation> c = DraftValidation.class.getDeclaredConstructor(Validator.class);
            c.setAccessible(true);
            return c.newInstance(validator);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method m = type.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
