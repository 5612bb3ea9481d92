package io.hearken.events.privacy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the {@link PersonalFields} of every record inside a JSON tree before it goes to Kafka, and opens them after
 * it comes back. A sealed record keeps its public fields (type, ids, times, building, category, department) and
 * gains {@code "sealed": {"owner", "key", "data"}}: the personal fields as JSON, AES-256-GCM under the owner's data
 * key ({@link DataKeys}), bound to the record's type and owner. When the key has been destroyed (erasure, retention),
 * the fields are simply absent on reading: the record stays, anonymous. Records nest (a routing carries its
 * complaint, a snapshot its events); each is sealed under its own complaint's key.
 */
public final class Sealing {

    public static final String FIELD = "sealed";
    private static final String ANONYMISED = io.hearken.events.ComplaintAnonymised.TYPE;

    private final Supplier<? extends SealingKeys> keys;
    private final Supplier<Optional<PersonalData>> hashing;
    private final JsonMapper mapper;

    /**
     * {@code keys} is asked for on first use (a deployable starts without touching Kafka); {@code hashing} names
     * the resident on a new key (their contact hashes, for erasure by contact) where the secret is configured.
     */
    public Sealing(Supplier<? extends SealingKeys> keys, Supplier<Optional<PersonalData>> hashing, JsonMapper mapper) {
        this.keys = keys;
        this.hashing = hashing;
        this.mapper = mapper;
    }

    /** Seals, in place, every record in the tree that has personal fields and an owner. */
    public JsonNode seal(JsonNode tree) {
        walk(tree, true);
        return tree;
    }

    /**
     * Creates together the keys that sealing these records (events about to be sent) will need, named the way
     * {@link #seal} names them: a batch of new complaints costs one round trip to the key store, not one each.
     */
    public void prepare(List<?> records) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (Object value : records) {
            if (!(mapper.valueToTree(value) instanceof ObjectNode record)) {
                continue;
            }
            String type = text(record, "type");
            String owner = owner(record);
            ObjectNode personal = takeOutPersonal(record, type, owner);
            if (personal != null && !datedBeforeErasure(record, owner)) {
                owners.putIfAbsent(owner, "complaint-received".equals(type) ? subjects(personal) : List.of());
            }
        }
        if (!owners.isEmpty()) {
            keys.get().prepare(owners);
        }
    }

    /**
     * Opens, in place, every sealed record in the tree whose key still exists; drops the seal of the others. A
     * {@code complaint-anonymised} in the tree first makes this process forget that complaint's older keys, so the
     * record that announces an erasure is never read with a key whose tombstone has not arrived yet.
     */
    public JsonNode open(JsonNode tree) {
        forgetAnonymised(tree);
        walk(tree, false);
        return tree;
    }

    private void forgetAnonymised(JsonNode node) {
        if (node instanceof ObjectNode object && ANONYMISED.equals(text(object, "type"))) {
            String owner = text(object, "complaintId");
            String at = text(object, "at");
            if (owner != null && at != null) {
                keys.get().forgetBefore(owner, java.time.Instant.parse(at));
            }
        }
        if (node != null && node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (child.isContainer()) {
                    forgetAnonymised(child);
                }
            }
        }
    }

    private void walk(JsonNode node, boolean sealing) {
        if (node instanceof ObjectNode object) {
            if (!sealing) {
                openOne(object);
            }
            for (JsonNode child : object.values()) {
                if (child.isContainer()) {
                    walk(child, sealing);
                }
            }
            if (sealing) {
                sealOne(object);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node.values()) {
                walk(child, sealing);
            }
        }
    }

    private void sealOne(ObjectNode record) {
        String type = text(record, "type");
        String owner = owner(record);
        ObjectNode personal = takeOutPersonal(record, type, owner);
        if (personal == null || datedBeforeErasure(record, owner)) {
            return; // nothing to seal, or dropped: the record stays, anonymous, as if read after the erasure
        }
        SealingKeys.Sealer sealer = keys.get().sealer(owner, "complaint-received".equals(type) ? subjects(personal) : List.of());
        try {
            byte[] data = sealer.aead().encrypt(mapper.writeValueAsBytes(personal), context(type, owner));
            ObjectNode sealed = record.putObject(FIELD);
            sealed.put("owner", owner);
            sealed.put("key", sealer.keyId());
            sealed.put("data", Base64.getEncoder().encodeToString(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal personal data of " + owner, e);
        }
    }

    private void openOne(ObjectNode record) {
        JsonNode sealed = record.remove(FIELD);
        if (sealed == null || !sealed.isObject()) {
            return;
        }
        String owner = text(sealed, "owner");
        JsonNode keyId = sealed.get("key");
        if (owner == null || keyId == null || !keyId.canConvertToInt()) {
            return;
        }
        Optional<Aead> key = keys.get().opener(owner, keyId.asInt());
        if (key.isEmpty()) {
            return; // destroyed: the record stays, without its personal fields
        }
        try {
            byte[] plain = key.get().decrypt(Base64.getDecoder().decode(text(sealed, "data")),
                    context(text(record, "type"), owner));
            JsonNode personal = mapper.readTree(plain);
            for (var field : personal.properties()) {
                String path = field.getKey();
                int dot = path.indexOf('.');
                if (dot < 0) {
                    record.set(path, field.getValue());
                } else {
                    JsonNode parent = record.get(path.substring(0, dot));
                    ObjectNode into = parent instanceof ObjectNode o ? o : record.putObject(path.substring(0, dot));
                    into.set(path.substring(dot + 1), field.getValue());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed data of " + owner + " does not open with its key", e);
        }
    }

    /** The record's personal fields, taken out of it; null when it has none to seal (or is sealed already). */
    private static ObjectNode takeOutPersonal(ObjectNode record, String type, String owner) {
        if (PersonalFields.of(type).isEmpty() || owner == null || record.has(FIELD)) {
            return null;
        }
        ObjectNode personal = PersonalFields.takeOut(record);
        return personal.isEmpty() ? null : personal;
    }

    /**
     * Data of an erased owner dated before the erasure (or undated): a process that read it just before the keys went
     * (an event in flight, a copy in memory) must not seal it under a new key. A note written after the erasure is
     * dated after it and gets a key of its own.
     */
    private boolean datedBeforeErasure(ObjectNode record, String owner) {
        java.time.Instant erased = keys.get().erasedAt(owner);
        if (erased == null) {
            return false;
        }
        String at = text(record, "at");
        return at == null || !java.time.Instant.parse(at).isAfter(erased);
    }

    private List<String> subjects(ObjectNode personal) {
        Optional<PersonalData> personalData = hashing.get();
        JsonNode contact = personal.get("contact");
        if (personalData.isEmpty() || contact == null) {
            return List.of();
        }
        List<String> subjects = new ArrayList<>();
        for (String part : List.of("email", "phone")) {
            String value = text(contact, part);
            String hash = value == null ? null : personalData.get().hash(value);
            if (hash != null) {
                subjects.add(hash);
            }
        }
        return subjects;
    }

    /** A complaint's data is sealed under its id; a bounce naming no complaint under its address hash. */
    private static String owner(ObjectNode record) {
        String complaint = text(record, "complaintId");
        if (complaint != null) {
            return complaint;
        }
        String address = text(record, "addressHash");
        return address != null ? "address:" + address : null;
    }

    private static byte[] context(String type, String owner) {
        return (type + "|" + owner).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
