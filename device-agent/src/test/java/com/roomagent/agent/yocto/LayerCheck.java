package com.roomagent.agent.yocto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What can be checked of a Yocto layer without bitbake: the syntax of every {@code .bb},
 * {@code .bbappend}, {@code .inc} and {@code .conf} file (assignments, quotes, functions), the
 * variables a recipe must set, every {@code file://} of {@code SRC_URI} found where bitbake would
 * look for it, the md5 of every license file {@code LIC_FILES_CHKSUM} names, and {@code
 * layer.conf}'s collection and compatible releases. Each problem is one line: file, line, what.
 */
final class LayerCheck {
    /** Yocto release codenames (docs.yoctoproject.org, releases), 3.1 dunfell onward. */
    static final Set<String> RELEASES = Set.of(
            "dunfell",
            "gatesgarth",
            "hardknott",
            "honister",
            "kirkstone",
            "langdale",
            "mickledore",
            "nanbield",
            "scarthgap",
            "styhead",
            "walnascar",
            "whinlatter",
            "wrynose");

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_\\-${}.+/]*)((?::[A-Za-z0-9_\\-${}.+/]+)*)(\\[[A-Za-z0-9_\\-.]+\\])?"
                    + "\\s*(\\?\\?=|\\?=|:=|\\+=|=\\+|\\.=|=\\.|=)\\s*(.*)$");
    private static final Pattern FUNCTION = Pattern.compile(
            "^(?:python\\s+|fakeroot\\s+)*([A-Za-z_][A-Za-z0-9_\\-${}]*(?::[A-Za-z0-9_\\-]+)*)?\\s*\\(\\)\\s*\\{$");
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^(inherit|inherit_defer|require|include|include_all|addtask|deltask|addhandler|EXPORT_FUNCTIONS|unset)\\s+\\S.*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_\\-]+)\\}");

    private final Path layer;
    private final List<String> problems = new ArrayList<>();
    /** layer.conf's variables, which every recipe sees. */
    private final Map<String, String> layerVariables = new HashMap<>();

    private LayerCheck(Path layer) {
        this.layer = layer;
    }

    /** Every problem found in the layer at {@code layer}; empty when it passes. */
    static List<String> check(Path layer) throws IOException {
        LayerCheck check = new LayerCheck(layer);
        check.run();
        return check.problems;
    }

    private void run() throws IOException {
        Path conf = layer.resolve("conf/layer.conf");
        if (!Files.isRegularFile(conf)) {
            problems.add(layer + ": conf/layer.conf is missing");
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(layer)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(bb|bbappend|inc|conf)$"))
                    .sorted()
                    .toList();
        }
        Map<String, String> confVariables = parse(conf);
        checkLayerConf(conf, confVariables);
        confVariables.forEach(
                (name, value) -> layerVariables.put(name, value.replace("${LAYERDIR}", layer.toString())));
        for (Path file : files) {
            if (file.equals(conf)) {
                continue;
            }
            Map<String, String> variables = parse(file);
            if (file.toString().endsWith(".bb")) {
                checkRecipe(file, variables);
            }
        }
    }

    private void checkLayerConf(Path conf, Map<String, String> variables) {
        String collection = variables.getOrDefault("BBFILE_COLLECTIONS", "").trim();
        if (collection.isEmpty()) {
            problems.add(conf + ": BBFILE_COLLECTIONS is not set");
            return;
        }
        for (String required : List.of("BBFILE_PATTERN_", "BBFILE_PRIORITY_", "LAYERSERIES_COMPAT_")) {
            if (!variables.containsKey(required + collection)) {
                problems.add(conf + ": " + required + collection + " is not set");
            }
        }
        String compat = variables.getOrDefault("LAYERSERIES_COMPAT_" + collection, "");
        for (String release : compat.trim().split("\\s+")) {
            if (!release.isEmpty() && !RELEASES.contains(release)) {
                problems.add(conf + ": LAYERSERIES_COMPAT_" + collection + " names '" + release
                        + "', which is not a Yocto release codename");
            }
        }
    }

    /**
     * Parses {@code file}: every logical line must be an assignment, a directive, a function or a
     * comment. Returns the variables it assigns (the last plain value of each, overrides aside).
     */
    private Map<String, String> parse(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean inFunction = false;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && !inFunction) {
                logical.setLength(logical.length() - 1);
                if (++i >= lines.size()) {
                    problems.add(file + ":" + number + ": the file ends inside a continued line");
                    break;
                }
                logical.append(' ').append(lines.get(i).trim());
            }
            String line = logical.toString().strip();
            if (inFunction) {
                if (lines.get(i).equals("}")) {
                    inFunction = false;
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (FUNCTION.matcher(line).matches()) {
                inFunction = true;
                continue;
            }
            if (DIRECTIVE.matcher(line).matches()) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (!assignment.matches()) {
                problems.add(file + ":" + number + ": not an assignment, directive or function: " + line);
                continue;
            }
            String value = assignment.group(5).strip();
            if (value.length() < 2
                    || (value.charAt(0) != '"' && value.charAt(0) != '\'')
                    || value.charAt(value.length() - 1) != value.charAt(0)
                    || value.substring(1, value.length() - 1).indexOf(value.charAt(0)) >= 0) {
                problems.add(file + ":" + number + ": the value of " + assignment.group(1)
                        + " is not one quoted string: " + value);
                continue;
            }
            if (assignment.group(2).isEmpty() && assignment.group(3) == null) {
                String text = value.substring(1, value.length() - 1);
                String operator = assignment.group(4);
                String name = assignment.group(1);
                switch (operator) {
                    case "+=" -> variables.merge(name, text, (old, add) -> old + " " + add);
                    case "?=", "??=" -> variables.putIfAbsent(name, text);
                    default -> variables.put(name, text);
                }
            }
        }
        if (inFunction) {
            problems.add(file + ": a function is not closed by a line holding only }");
        }
        return variables;
    }

    private void checkRecipe(Path recipe, Map<String, String> variables) throws IOException {
        String fileName = recipe.getFileName().toString();
        String stem = fileName.substring(0, fileName.length() - ".bb".length());
        String bpn = stem.contains("_") ? stem.substring(0, stem.indexOf('_')) : stem;
        String pv = stem.contains("_") ? stem.substring(stem.indexOf('_') + 1) : "1.0";
        Map<String, String> scope = new HashMap<>(layerVariables);
        scope.putAll(variables);
        scope.put("PN", bpn);
        scope.put("BPN", bpn);
        scope.put("PV", pv);
        boolean sourceless = Files.readAllLines(recipe).stream()
                .anyMatch(line -> line.matches("^inherit\\s.*\\b(packagegroup|core-image|image)\\b.*"));

        for (String required : List.of("SUMMARY", "LICENSE")) {
            if (variables.getOrDefault(required, "").isBlank()) {
                problems.add(recipe + ": " + required + " is not set");
            }
        }
        String license = variables.getOrDefault("LICENSE", "").trim();
        if (!sourceless && !license.equals("CLOSED") && !variables.containsKey("LIC_FILES_CHKSUM")) {
            problems.add(recipe + ": LIC_FILES_CHKSUM is not set (LICENSE is " + license + ")");
        }
        if (!sourceless && !variables.containsKey("SRC_URI") && !variables.containsKey("DEPENDS")) {
            problems.add(recipe + ": neither SRC_URI nor DEPENDS is set: where does it get its content?");
        }
        List<Path> filesPath = List.of(
                recipe.resolveSibling(bpn + "-" + pv), recipe.resolveSibling(bpn), recipe.resolveSibling("files"));
        for (String entry : variables.getOrDefault("SRC_URI", "").trim().split("\\s+")) {
            if (entry.startsWith("file://")) {
                checkSourceFile(recipe, scope, filesPath, entry);
            }
        }
        for (String entry :
                variables.getOrDefault("LIC_FILES_CHKSUM", "").trim().split("\\s+")) {
            if (!entry.isEmpty()) {
                checkLicenseFile(recipe, scope, filesPath, license, entry);
            }
        }
    }

    private void checkSourceFile(Path recipe, Map<String, String> scope, List<Path> filesPath, String entry)
            throws IOException {
        String name = expand(recipe, scope, entry.substring("file://".length()).split(";")[0]);
        if (name == null) {
            return;
        }
        if (name.startsWith("/")) {
            Path path = Path.of(name).normalize();
            if (Files.exists(path)) {
                return;
            }
            checkBuildOutput(recipe, entry, path);
            return;
        }
        if (filesPath.stream().noneMatch(dir -> Files.exists(dir.resolve(name)))) {
            problems.add(recipe + ": SRC_URI names " + entry + ", which is in none of " + filesPath);
        }
    }

    /**
     * A file a Maven build produces, absent until it runs: {@code <module>/target/<artifactId>-<version>-all.jar}
     * of a module that exists, with the artifact and version its pom gives.
     */
    private void checkBuildOutput(Path recipe, String entry, Path path) throws IOException {
        Path target = path.getParent();
        Path pom = target == null || target.getParent() == null
                ? null
                : target.getParent().resolve("pom.xml");
        if (target == null || !target.getFileName().toString().equals("target") || pom == null || !Files.exists(pom)) {
            problems.add(recipe + ": SRC_URI names " + entry + ", and " + path + " does not exist");
            return;
        }
        String text = Files.readString(pom);
        String withoutParent = text.replaceAll("(?s)<parent>.*?</parent>", "").replaceAll("(?s)<dependencies>.*", "");
        String artifactId = first(withoutParent, "artifactId");
        String version = first(withoutParent, "version");
        if (version == null) {
            Matcher parent = Pattern.compile("(?s)<parent>(.*?)</parent>").matcher(text);
            version = parent.find() ? first(parent.group(1), "version") : null;
        }
        String expected = artifactId + "-" + version + "-all.jar";
        if (!path.getFileName().toString().equals(expected)) {
            problems.add(recipe + ": SRC_URI names " + path.getFileName() + ", but " + pom + " builds " + expected);
        }
    }

    private static String first(String xml, String element) {
        Matcher matcher =
                Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    private void checkLicenseFile(
            Path recipe, Map<String, String> scope, List<Path> filesPath, String license, String entry)
            throws IOException {
        String[] parts = entry.split(";");
        if (!parts[0].startsWith("file://")) {
            problems.add(recipe + ": LIC_FILES_CHKSUM entry " + entry + " is not file://");
            return;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : Arrays.asList(parts).subList(1, parts.length)) {
            int equals = parameter.indexOf('=');
            parameters.put(equals < 0 ? parameter : parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        String md5 = parameters.getOrDefault("md5", "");
        if (!md5.matches("[0-9a-f]{32}")) {
            problems.add(recipe + ": LIC_FILES_CHKSUM entry " + entry + " has no md5 of 32 hex digits");
            return;
        }
        String name = parts[0].substring("file://".length());
        if (name.startsWith("${COMMON_LICENSE_DIR}/")) {
            // Poky's own license texts: not here to hash, but the name must be the recipe's license.
            String common = name.substring("${COMMON_LICENSE_DIR}/".length());
            if (!Set.of(license.split("[\\s&|()]+")).contains(common)) {
                problems.add(recipe + ": LIC_FILES_CHKSUM names the common license " + common
                        + ", which is not in LICENSE (" + license + ")");
            }
            return;
        }
        String expanded = expand(recipe, scope, name);
        if (expanded == null) {
            return;
        }
        Path file = filesPath.stream()
                .map(dir -> dir.resolve(expanded))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        if (file == null) {
            problems.add(recipe + ": LIC_FILES_CHKSUM names " + expanded + ", which is in none of " + filesPath);
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int begin = parameters.containsKey("beginline") ? Integer.parseInt(parameters.get("beginline")) : 1;
        int end = parameters.containsKey("endline") ? Integer.parseInt(parameters.get("endline")) : lines.size();
        byte[] content = begin == 1 && end == lines.size()
                ? Files.readAllBytes(file)
                : (String.join("\n", lines.subList(begin - 1, end)) + "\n").getBytes(StandardCharsets.UTF_8);
        String actual = md5(content);
        if (!actual.equals(md5)) {
            problems.add(
                    recipe + ": LIC_FILES_CHKSUM gives md5 " + md5 + " for " + expanded + ", whose md5 is " + actual);
        }
    }

    /** {@code text} with every variable replaced; null (and a problem) when one is unknown. */
    private String expand(Path recipe, Map<String, String> scope, String text) {
        String result = text;
        for (int round = 0; round < 10 && result.contains("${"); round++) {
            Matcher matcher = VARIABLE.matcher(result);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = scope.get(matcher.group(1));
                if (value == null) {
                    problems.add(recipe + ": ${" + matcher.group(1) + "} in " + text
                            + " is set neither in the recipe nor in layer.conf");
                    return null;
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        return result;
    }

    private static String md5(byte[] content) {
        try {
            return String.format(
                    "%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required algorithm of every Java runtime", e);
        }
    }
}
