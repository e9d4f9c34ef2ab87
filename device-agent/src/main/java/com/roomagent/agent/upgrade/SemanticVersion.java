package com.roomagent.agent.upgrade;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0): {@code MAJOR.MINOR.PATCH}, an optional pre-release after
 * {@code -} and optional build metadata after {@code +}. Ordered by precedence (section 11): the
 * numbers, then a pre-release sorts before its release, identifiers compared one by one (numeric
 * ones as numbers and below alphanumeric ones); build metadata is ignored, so {@code 1.0.0+a} and
 * {@code 1.0.0+b} have equal precedence. Immutable.
 */
public record SemanticVersion(long major, long minor, long patch, List<String> preRelease, String build)
        implements Comparable<SemanticVersion> {
    // Section 2: no leading zeros in numbers; section 9 and 10: identifiers of [0-9A-Za-z-].
    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
            + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    public SemanticVersion {
        preRelease = List.copyOf(preRelease);
        Objects.requireNonNull(build, "build");
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong, for a text that is not a semantic version
     */
    public static SemanticVersion parse(String text) {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a semantic version such as 1.4.0 or 2.0.0-rc.1" + " (semver.org 2.0.0)");
        }
        List<String> preRelease =
                matcher.group(4) == null ? List.of() : List.of(matcher.group(4).split("\\."));
        for (String identifier : preRelease) {
            if (identifier.length() > 1
                    && identifier.startsWith("0")
                    && NUMERIC.matcher(identifier).matches()) {
                throw new IllegalArgumentException(
                        "'" + text + "' has a numeric pre-release identifier with a leading zero (semver.org item 9)");
            }
        }
        return new SemanticVersion(
                Long.parseLong(matcher.group(1)),
                Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)),
                preRelease,
                matcher.group(5) == null ? "" : matcher.group(5));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int numbers = Long.compare(major, other.major);
        if (numbers == 0) {
            numbers = Long.compare(minor, other.minor);
        }
        if (numbers == 0) {
            numbers = Long.compare(patch, other.patch);
        }
        if (numbers != 0) {
            return numbers;
        }
        // 11.3: a pre-release has lower precedence than the release.
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        // 11.4: identifier by identifier; a longer list wins when all before are equal.
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int compared = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    /** Whether this version is strictly newer than {@code other} by precedence. */
    public boolean isNewerThan(SemanticVersion other) {
        return compareTo(other) > 0;
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = NUMERIC.matcher(a).matches();
        boolean numericB = NUMERIC.matcher(b).matches();
        if (numericA && numericB) {
            // Compare as numbers without overflow: a longer digit string (no leading zeros) is larger.
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1; // 11.4.3: numeric identifiers sort below alphanumeric ones
        }
        return a.compareTo(b); // 11.4.2: ASCII order
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
