package io.hearken.events;

/** Where the problem is. {@code area} is a district, campus or estate; coordinates come from Open311. */
public record Place(String building, String unit, String area, String address, Double latitude, Double longitude) {

    public static Place of(String building, String unit) {
        return new Place(building, unit, null, null, null, null);
    }
}
