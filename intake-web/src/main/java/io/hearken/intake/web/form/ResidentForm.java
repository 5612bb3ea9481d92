package io.hearken.intake.web.form;

import io.hearken.intake.web.intake.ComplaintDraft;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form's fields as typed (bound from the POST), so a refused form comes back filled in.
 * {@code website} is the honeypot (hidden from people; bots fill it); {@code formToken} the idempotency key.
 */
public class ResidentForm {

    private String name;
    private String email;
    private String phone;
    private String residentType;
    private String building;
    private String unit;
    private String categoryHint;
    private String subject;
    private String description;
    private boolean consent;
    private String website;
    private String formToken;
    private List<MultipartFile> attachments;

    ComplaintDraft draft(String language) {
        return new ComplaintDraft(name, email, phone, residentType, building, unit, subject, description,
                categoryHint, language, consent);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getResidentType() { return residentType; }
    public void setResidentType(String residentType) { this.residentType = residentType; }
    public String getBuilding() { return building; }
    public void setBuilding(String building) { this.building = building; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getCategoryHint() { return categoryHint; }
    public void setCategoryHint(String categoryHint) { this.categoryHint = categoryHint; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getFormToken() { return formToken; }
    public void setFormToken(String formToken) { this.formToken = formToken; }
    public List<MultipartFile> getAttachments() { return attachments; }
    public void setAttachments(List<MultipartFile> attachments) { this.attachments = attachments; }
}
