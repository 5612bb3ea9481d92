package io.hearken.desk.board;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Nullable strings, enums and instants in a stored summary's binary part ({@link StoredSummary}). */
final class Binary {

    private Binary() {
    }

    static void strings(DataOutputStream out, String... values) throws IOException {
        for (String value : values) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** By ordinal: the store never outlives the process that wrote it (it opens empty at every start). */
    static void enums(DataOutputStream out, Enum<?>... values) throws IOException {
        for (Enum<?> value : values) {
            out.writeByte(value == null ? 0 : value.ordinal() + 1);
        }
    }

    static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        int ordinal = in.readByte();
        return ordinal == 0 ? null : type.getEnumConstants()[ordinal - 1];
    }

    static void instants(DataOutputStream out, Instant... values) throws IOException {
        for (Instant value : values) {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeLong(value.getEpochSecond());
                out.writeInt(value.getNano());
            }
        }
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
