package io.hearken.app.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backticked Java names: a class ({@code UpperCamelCase} of two humps or more, or any {@code Type.member}) declared
 * in the house, else a library's or the JDK's, or a Prometheus alert (named like one); each member named must be in
 * the type's source; an {@code io.hearken} package and the type named in it.
 */
final class JavaNames {

    private static final Pattern JAVA_NAME = Pattern.compile(
            "([A-Z][A-Za-z0-9]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(?:\\([^)]*\\))?");
    private static final Pattern HUMP = Pattern.compile("[A-Z][a-z0-9]");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(io\\.hearken(?:\\.[a-z0-9]+)*)(?:\\.([A-Z]\\w*))?(?:\\.\\w+)*(?:\\(\\))?(?:\\.\\*|\\.?…)?");

    private final TheHouse house;

    JavaNames(TheHouse house) {
        this.house = house;
    }

    void check(String text, String where, List<DocCheck.Finding> findings) {
        javaName(text, where, findings);
        qualifiedName(text, where, findings);
    }

    private void javaName(String text, String where, List<DocCheck.Finding> findings) {
        Matcher name = JAVA_NAME.matcher(text);
        if (!name.matches() || DocCheck.FILE_NAME.matcher(text).matches()) {
            return;
        }
        String type = name.group(1);
        String[] members = name.group(2).isEmpty() ? new String[0] : name.group(2).substring(1).split("\\.");
        if (!type.chars().anyMatch(Character::isLowerCase) || (HUMP.matcher(type).results().count() < 2 && members.length == 0)) {
            return;
        }
        if (!house.declares(type)) {
            if (!house.isAlert(type) && !house.isLibraryClass(type)) {
                findings.add(new DocCheck.Finding(where, "no class", text));
            }
            return;
        }
        List<Path> files = house.filesDeclaring(type);
        for (String member : members) {
            Pattern word = Pattern.compile("\\b" + Pattern.quote(member) + "\\b");
            if (files.stream().noneMatch(f -> word.matcher(house.code(f)).find()) && !house.isLibraryClass(type)) {
                findings.add(new DocCheck.Finding(where, "no member " + member + " in", text));
                return;
            }
            if (house.declares(member)) {
                files = house.filesDeclaring(member);
            }
        }
    }

    /** {@code io.hearken.some.pkg} or {@code io.hearken.some.pkg.Type}: the package, and the type in it. */
    private void qualifiedName(String text, String where, List<DocCheck.Finding> findings) {
        Matcher name = QUALIFIED.matcher(text);
        if (name.matches() && (!house.hasPackage(name.group(1))
                || (name.group(2) != null && !house.declaresIn(name.group(1), name.group(2))))) {
            findings.add(new DocCheck.Finding(where, "no package or type", text));
        }
    }
}
