package org.csbench.publish.disclosure;

import java.util.Locale;

/** How much of the warehouse's exact figures may leave it. */
public enum DisclosureLevel {
    /** The disclosure rules applied: small counts and what would reveal them become {@value Disclosure#SYMBOL}. */
    PUBLIC,
    /** Exact values, for use inside the council only; every file name and sheet says so. */
    INTERNAL;

    /** The level a user names ({@code public} or {@code internal}); a clear error for anything else. */
    public static DisclosureLevel parse(String text) {
        for (DisclosureLevel level : values()) {
            if (level.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return level;
            }
        }
        throw org.csbench.model.Errors.invalidArgument("Unknown disclosure level '" + text
                + "': use public (the default: disclosure control applied) or internal (exact values)");
    }

    /** As written on the command line: {@code public} or {@code internal}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a file name carries: nothing for public files, {@code INTERNAL-exact-values} for internal ones. */
    public String fileTag() {
        return this == INTERNAL ? "INTERNAL-exact-values" : "";
    }

    /** The line every sheet and notes page of an internal export starts with; empty for public ones. */
    public String notice() {
        return this == INTERNAL ? "INTERNAL - exact values, no disclosure control applied: not for publication"
                : "";
    }
}
