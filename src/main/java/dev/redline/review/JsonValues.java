package dev.redline.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into maps (key order kept), lists, strings, longs, decimals, booleans and nulls, so review
 * files and dry-run reports can be checked field by field with messages that say where and what.
 */
final class JsonValues {

    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** The document is not JSON, or not the JSON expected; the message says where and what. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private JsonValues() {
    }

    static Map<String, Object> parseObject(byte[] json) throws Malformed {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new Malformed(first == null ? "the file is empty" : "not a JSON object");
            }
            Map<String, Object> object = object(read(parser, first));
            if (parser.nextToken() != null) {
                throw new Malformed("text after the JSON object, at " + where(parser.currentLocation()));
            }
            return object;
        } catch (JsonParseException e) {
            throw new Malformed("not valid JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("not valid JSON: " + e.getMessage());
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException, Malformed {
        if (token == null) {
            throw new Malformed("the JSON ends too early");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (object.containsKey(name)) {
                        throw new Malformed("the key \"" + name + "\" appears twice, at "
                                + where(parser.currentTokenLocation()));
                    }
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(parser.getBigIntegerValue()) : parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new Malformed("unexpected " + token + " at " + where(parser.currentLocation()));
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** Field access that names the path of what is missing or wrong ({@code checklist[2].note}). */
    static final class Fields {
        private final Map<String, Object> object;
        private final String path;

        Fields(Map<String, Object> object, String path) {
            this.object = object;
            this.path = path;
        }

        boolean has(String key) {
            return object.containsKey(key);
        }

        java.util.Set<String> keys() {
            return object.keySet();
        }

        String name(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        Object raw(String key) throws Malformed {
            if (!object.containsKey(key)) {
                throw new Malformed("\"" + name(key) + "\" is missing");
            }
            return object.get(key);
        }

        String string(String key) throws Malformed {
            Object v = raw(key);
            if (!(v instanceof String s)) {
                throw new Malformed(wrong(key, "a string", v));
            }
            return s;
        }

        String optionalString(String key) throws Malformed {
            Object v = object.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                throw new Malformed(wrong(key, "a string or null", v));
            }
            return s;
        }

        long number(String key) throws Malformed {
            Object v = raw(key);
            if (v instanceof Long l) {
                return l;
            }
            throw new Malformed(wrong(key, "a whole number", v));
        }

        Long optionalNumber(String key) throws Malformed {
            Object v = object.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Long l) {
                return l;
            }
            throw new Malformed(wrong(key, "a whole number or null", v));
        }

        /** A number that may have a fraction (the dry-run's milliseconds), or {@code null}. */
        BigDecimal optionalDecimal(String key) throws Malformed {
            Object v = object.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Long l) {
                return BigDecimal.valueOf(l);
            }
            if (v instanceof BigDecimal d) {
                return d;
            }
            throw new Malformed(wrong(key, "a number or null", v));
        }

        boolean bool(String key) throws Malformed {
            Object v = raw(key);
            if (v instanceof Boolean b) {
                return b;
            }
            throw new Malformed(wrong(key, "true or false", v));
        }

        Fields objectField(String key) throws Malformed {
            Object v = raw(key);
            if (!(v instanceof Map)) {
                throw new Malformed(wrong(key, "an object", v));
            }
            return new Fields(object(v), name(key));
        }

        Fields optionalObject(String key) throws Malformed {
            Object v = object.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map)) {
                throw new Malformed(wrong(key, "an object or null", v));
            }
            return new Fields(object(v), name(key));
        }

        List<Object> array(String key) throws Malformed {
            Object v = raw(key);
            if (!(v instanceof List)) {
                throw new Malformed(wrong(key, "an array", v));
            }
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) v;
            return list;
        }

        List<Fields> objects(String key) throws Malformed {
            List<Object> list = array(key);
            List<Fields> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (!(item instanceof Map)) {
                    throw new Malformed("\"" + name(key) + "[" + i + "]\" should be an object");
                }
                out.add(new Fields(object(item), name(key) + "[" + i + "]"));
            }
            return out;
        }

        List<String> strings(String key) throws Malformed {
            List<Object> list = array(key);
            List<String> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw new Malformed("\"" + name(key) + "[" + i + "]\" should be a string");
                }
                out.add(s);
            }
            return out;
        }

        /** Fails on any key not in {@code known}: a review file holds exactly what Redline writes. */
        void onlyKnown(List<String> known) throws Malformed {
            for (String key : object.keySet()) {
                if (!known.contains(key)) {
                    throw new Malformed("unknown field \"" + name(key) + "\"");
                }
            }
        }

        private String wrong(String key, String expected, Object actual) {
            return "\"" + name(key) + "\" should be " + expected + ", not " + describe(actual);
        }

        private static String describe(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String s) {
                return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            }
            if (v instanceof Map) {
                return "an object";
            }
            if (v instanceof List) {
                return "an array";
            }
            return v.toString();
        }
    }
}
