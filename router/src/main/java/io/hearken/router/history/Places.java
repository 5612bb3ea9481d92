package io.hearken.router.history;

import io.hearken.events.Place;
import java.text.Normalizer;
import java.util.Locale;

/** Normalised place keys, so "3号楼", "3 号楼" and "３号楼" are one building. */
public final class Places {

    private Places() {
    }

    /** The building, or else the area, or else the address; null when the complaint names no place. */
    public static String building(Place place) {
        if (place == null) {
            return null;
        }
        String key = norm(place.building());
        if (key == null) {
            key = norm(place.area());
        }
        if (key == null) {
            key = norm(place.address());
        }
        return key;
    }

    public static String unit(Place place) {
        return place == null ? null : norm(place.unit());
    }

    static String norm(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}·]", "");
    }
}
