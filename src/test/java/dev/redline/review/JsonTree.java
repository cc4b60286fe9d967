package dev.redline.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into maps (key order kept), lists, strings, longs, decimals, booleans and nulls, for assertions in
 * tests of any package. It lives here, next to the package-private {@link JsonValues}, so the tests read JSON the
 * way review files are read instead of with a second copy of the tree walk.
 */
public final class JsonTree {

    private JsonTree() {
    }

    public static Map<String, Object> parseObject(String json) throws IOException {
        try {
            return JsonValues.parseObject(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonValues.Malformed e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public static Map<String, Object> object(Object value) {
        return JsonValues.object(value);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        return (List<Object>) value;
    }
}
