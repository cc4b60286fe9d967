package dev.redline.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a SARIF log against the constraints of the SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json, OASIS
 * errata 01) for every object Redline writes — allowed properties ({@code additionalProperties: false}), required
 * properties, {@code anyOf} requirements, enums, types and minimums — and against what GitHub code scanning needs
 * on top: a {@code ruleId}, a message text, a physical location with an artifact URI and a start line. Properties
 * whose definitions Redline never writes are only checked to be allowed.
 */
final class SarifSchema {

    /** One definition: its properties (name → definition, or "" for anything), required ones, anyOf groups. */
    private record Def(Map<String, String> props, List<String> required, List<List<String>> anyOf) {
    }

    private static final Map<String, Def> DEFS = Map.ofEntries(
            Map.entry("sarifLog", def(props("$schema", "string", "version", "version", "runs", "run[]",
                    "inlineExternalProperties", "", "properties", "propertyBag"), List.of("version", "runs"))),
            Map.entry("run", def(props("tool", "tool", "invocations", "invocation[]", "conversion", "", "language",
                    "string", "versionControlProvenance", "", "originalUriBaseIds", "", "artifacts", "",
                    "logicalLocations", "", "graphs", "", "results", "result[]", "automationDetails", "",
                    "runAggregates", "", "baselineGuid", "", "redactionTokens", "", "defaultEncoding", "string",
                    "defaultSourceLanguage", "string", "newlineSequences", "", "columnKind", "columnKind",
                    "externalPropertyFileReferences", "", "threadFlowLocations", "", "taxonomies", "", "addresses", "",
                    "translations", "", "policies", "", "webRequests", "", "webResponses", "", "specialLocations", "",
                    "properties", "propertyBag"), List.of("tool"))),
            Map.entry("tool", def(props("driver", "toolComponent", "extensions", "toolComponent[]",
                    "properties", "propertyBag"), List.of("driver"))),
            Map.entry("toolComponent", def(props("guid", "string", "name", "string", "organization", "string",
                    "product", "string", "productSuite", "string", "shortDescription", "", "fullDescription", "",
                    "fullName", "string", "version", "string", "semanticVersion", "string",
                    "dottedQuadFileVersion", "string", "releaseDateUtc", "string", "downloadUri", "string",
                    "informationUri", "string", "globalMessageStrings", "", "notifications", "reportingDescriptor[]",
                    "rules", "reportingDescriptor[]", "taxa", "reportingDescriptor[]", "locations", "", "language",
                    "string", "contents", "", "isComprehensive", "boolean", "localizedDataSemanticVersion", "string",
                    "minimumRequiredLocalizedDataSemanticVersion", "string", "associatedComponent", "",
                    "translationMetadata", "", "supportedTaxonomies", "", "properties", "propertyBag"),
                    List.of("name"))),
            Map.entry("reportingDescriptor", def(props("id", "string", "deprecatedIds", "", "guid", "string",
                    "deprecatedGuids", "", "name", "string", "deprecatedNames", "", "shortDescription", "",
                    "fullDescription", "", "messageStrings", "", "defaultConfiguration", "", "helpUri", "string",
                    "help", "", "relationships", "", "properties", "propertyBag"), List.of("id"))),
            Map.entry("result", def(props("ruleId", "string", "ruleIndex", "index", "rule", "", "kind", "resultKind",
                    "level", "level", "message", "message", "analysisTarget", "artifactLocation", "locations",
                    "location[]", "guid", "string", "correlationGuid", "string", "occurrenceCount", "",
                    "partialFingerprints", "", "fingerprints", "", "stacks", "", "codeFlows", "", "graphs", "",
                    "graphTraversals", "", "relatedLocations", "location[]", "suppressions", "suppression[]",
                    "baselineState", "", "rank", "", "attachments", "", "hostedViewerUri", "string", "workItemUris", "",
                    "provenance", "", "fixes", "", "taxa", "", "webRequest", "", "webResponse", "",
                    "properties", "propertyBag"), List.of("message"))),
            Map.entry("message", new Def(props("text", "string", "markdown", "string", "id", "string",
                    "arguments", "", "properties", "propertyBag"), List.of(), List.of(List.of("text", "id")))),
            Map.entry("location", def(props("id", "index", "physicalLocation", "physicalLocation",
                    "logicalLocations", "", "message", "message", "annotations", "region[]", "relationships", "",
                    "properties", "propertyBag"), List.of())),
            Map.entry("physicalLocation", new Def(props("address", "", "artifactLocation", "artifactLocation",
                    "region", "region", "contextRegion", "region", "properties", "propertyBag"), List.of(),
                    List.of(List.of("address", "artifactLocation")))),
            Map.entry("artifactLocation", def(props("uri", "uri", "uriBaseId", "string", "index", "index",
                    "description", "message", "properties", "propertyBag"), List.of())),
            Map.entry("region", new Def(props("startLine", "positive", "startColumn", "positive", "endLine",
                    "positive", "endColumn", "positive", "charOffset", "index", "charLength", "count", "byteOffset",
                    "index", "byteLength", "count", "snippet", "", "message", "message", "sourceLanguage", "string",
                    "properties", "propertyBag"), List.of(),
                    List.of(List.of("startLine", "charOffset", "byteOffset")))),
            Map.entry("suppression", def(props("guid", "string", "kind", "suppressionKind", "status",
                    "suppressionStatus", "justification", "string", "location", "location",
                    "properties", "propertyBag"), List.of("kind"))),
            Map.entry("invocation", def(props("commandLine", "string", "arguments", "", "responseFiles", "",
                    "startTimeUtc", "string", "endTimeUtc", "string", "exitCode", "", "ruleConfigurationOverrides", "",
                    "notificationConfigurationOverrides", "", "toolExecutionNotifications", "notification[]",
                    "toolConfigurationNotifications", "notification[]", "exitCodeDescription", "string",
                    "exitSignalName", "string", "exitSignalNumber", "", "processStartFailureMessage", "string",
                    "executionSuccessful", "boolean", "machine", "string", "account", "string", "processId", "",
                    "executableLocation", "artifactLocation", "workingDirectory", "artifactLocation",
                    "environmentVariables", "", "stdin", "artifactLocation", "stdout", "artifactLocation", "stderr",
                    "artifactLocation", "stdoutStderr", "artifactLocation", "properties", "propertyBag"),
                    List.of("executionSuccessful"))),
            Map.entry("notification", def(props("locations", "location[]", "message", "message", "level", "level",
                    "threadId", "", "timeUtc", "string", "exception", "", "descriptor", "", "associatedRule", "",
                    "properties", "propertyBag"), List.of("message"))));

    private static final Map<String, Set<String>> ENUMS = Map.of(
            "version", Set.of("2.1.0"),
            "level", Set.of("none", "note", "warning", "error"),
            "resultKind", Set.of("notApplicable", "pass", "fail", "review", "open", "informational"),
            "suppressionKind", Set.of("inSource", "external"),
            "suppressionStatus", Set.of("accepted", "underReview", "rejected"),
            "columnKind", Set.of("utf16CodeUnits", "unicodeCodePoints"));

    private final List<String> violations = new ArrayList<>();

    private SarifSchema() {
    }

    /** Every violation found, each naming the JSON path; empty when the log is valid. */
    static List<String> violations(Map<String, Object> log) {
        SarifSchema v = new SarifSchema();
        v.check("sarifLog", log, "$");
        v.codeScanning(log);
        return v.violations;
    }

    private void check(String type, Object value, String path) {
        if (type.isEmpty()) {
            return;
        }
        if (type.endsWith("[]")) {
            if (!(value instanceof List<?> list)) {
                violations.add(path + ": should be an array");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(type.substring(0, type.length() - 2), list.get(i), path + "[" + i + "]");
            }
            return;
        }
        switch (type) {
            case "string" -> expect(value instanceof String, path, "a string");
            case "boolean" -> expect(value instanceof Boolean, path, "true or false");
            case "index" -> expect(value instanceof Long n && n >= -1, path, "an integer ≥ -1");
            case "count" -> expect(value instanceof Long n && n >= 0, path, "an integer ≥ 0");
            case "positive" -> expect(value instanceof Long n && n >= 1, path, "an integer ≥ 1");
            case "uri" -> expect(value instanceof String s && isUriReference(s), path, "a URI reference");
            case "propertyBag" -> expect(value instanceof Map, path, "an object");
            default -> {
                if (ENUMS.containsKey(type)) {
                    expect(value instanceof String s && ENUMS.get(type).contains(s), path, "one of " + ENUMS.get(type));
                    return;
                }
                checkObject(type, value, path);
            }
        }
    }

    private void checkObject(String type, Object value, String path) {
        Def def = DEFS.get(type);
        if (!(value instanceof Map<?, ?> object)) {
            violations.add(path + ": should be a " + type + " object");
            return;
        }
        for (Object key : object.keySet()) {
            if (!def.props().containsKey(key)) {
                violations.add(path + ": " + type + " has no property \"" + key + "\" (additionalProperties: false)");
            } else {
                check(def.props().get(key), object.get(key), path + "." + key);
            }
        }
        for (String required : def.required()) {
            if (!object.containsKey(required)) {
                violations.add(path + ": " + type + " requires \"" + required + "\"");
            }
        }
        for (List<String> anyOf : def.anyOf()) {
            if (anyOf.stream().noneMatch(object::containsKey)) {
                violations.add(path + ": " + type + " requires one of " + anyOf);
            }
        }
    }

    /** What GitHub code scanning needs beyond the schema, and consistency the schema cannot express. */
    private void codeScanning(Map<String, Object> log) {
        if (!(log.get("$schema") instanceof String schema) || !schema.contains("sarif-2.1.0")) {
            violations.add("$.$schema: should name the SARIF 2.1.0 schema");
        }
        List<?> runs = log.get("runs") instanceof List<?> l ? l : List.of();
        for (int r = 0; r < runs.size(); r++) {
            Map<?, ?> run = (Map<?, ?>) runs.get(r);
            Map<?, ?> driver = (Map<?, ?>) ((Map<?, ?>) run.get("tool")).get("driver");
            List<?> rules = driver.get("rules") instanceof List<?> l ? l : List.of();
            Set<Object> ids = new HashSet<>();
            for (Object rule : rules) {
                if (!ids.add(((Map<?, ?>) rule).get("id"))) {
                    violations.add("$.runs[" + r + "].tool.driver.rules: duplicate id " + ((Map<?, ?>) rule).get("id"));
                }
            }
            List<?> results = run.get("results") instanceof List<?> l ? l : List.of();
            for (int i = 0; i < results.size(); i++) {
                String at = "$.runs[" + r + "].results[" + i + "]";
                Map<?, ?> result = (Map<?, ?>) results.get(i);
                expect(result.get("ruleId") instanceof String, at + ".ruleId", "present (code scanning)");
                Object text = result.get("message") instanceof Map<?, ?> m ? m.get("text") : null;
                expect(text instanceof String s && !s.isBlank(), at + ".message.text", "a non-empty text");
                if (result.get("ruleIndex") instanceof Long index) {
                    boolean matches = index >= 0 && index < rules.size()
                            && ((Map<?, ?>) rules.get(index.intValue())).get("id").equals(result.get("ruleId"));
                    expect(matches, at + ".ruleIndex", "the index of the rule named by ruleId");
                }
                List<?> locations = result.get("locations") instanceof List<?> l ? l : List.of();
                expect(!locations.isEmpty(), at + ".locations", "at least one location (code scanning)");
                for (int j = 0; j < locations.size(); j++) {
                    Map<?, ?> physical = (Map<?, ?>) ((Map<?, ?>) locations.get(j)).get("physicalLocation");
                    String lat = at + ".locations[" + j + "].physicalLocation";
                    if (physical == null) {
                        violations.add(lat + ": missing (code scanning)");
                        continue;
                    }
                    Map<?, ?> artifact = (Map<?, ?>) physical.get("artifactLocation");
                    expect(artifact != null && artifact.get("uri") instanceof String, lat + ".artifactLocation.uri",
                            "present (code scanning)");
                    Map<?, ?> region = (Map<?, ?>) physical.get("region");
                    if (region == null || !(region.get("startLine") instanceof Long start)) {
                        violations.add(lat + ".region.startLine: missing (code scanning)");
                        continue;
                    }
                    if (region.get("endLine") instanceof Long end) {
                        expect(end >= start, lat + ".region.endLine", "≥ startLine");
                        if (end.equals(start) && region.get("startColumn") instanceof Long sc
                                && region.get("endColumn") instanceof Long ec) {
                            expect(ec >= sc, lat + ".region.endColumn", "≥ startColumn on one line");
                        }
                    }
                }
            }
        }
    }

    private void expect(boolean ok, String path, String what) {
        if (!ok) {
            violations.add(path + ": should be " + what);
        }
    }

    private static boolean isUriReference(String s) {
        try {
            new URI(s);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Def def(Map<String, String> props, List<String> required) {
        return new Def(props, required, List.of());
    }

    private static Map<String, String> props(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
