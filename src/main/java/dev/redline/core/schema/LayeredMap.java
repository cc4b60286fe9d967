package dev.redline.core.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A map that reads through to a parent and keeps its own changes (puts and removals) to itself, so forking a large
 * schema for a what-if (a down script) costs nothing until something changes. The parent must not change while the
 * fork is in use.
 */
final class LayeredMap<V> {

    private final LayeredMap<V> parent;
    private final Map<String, V> own = new HashMap<>();
    private final Set<String> removed = new HashSet<>();

    LayeredMap(LayeredMap<V> parent) {
        this.parent = parent;
    }

    V get(String key) {
        V v = own.get(key);
        if (v != null || parent == null || removed.contains(key)) {
            return v;
        }
        return parent.get(key);
    }

    /** Whether this layer (not a parent) holds the key's current value. */
    boolean ownsKey(String key) {
        return own.containsKey(key);
    }

    boolean containsKey(String key) {
        return get(key) != null;
    }

    void put(String key, V value) {
        own.put(key, value);
        removed.remove(key);
    }

    V remove(String key) {
        V v = get(key);
        own.remove(key);
        if (parent != null) {
            removed.add(key);
        }
        return v;
    }

    int size() {
        int n = own.size();
        if (parent != null) {
            for (String k : parent.keys()) {
                if (!own.containsKey(k) && !removed.contains(k)) {
                    n++;
                }
            }
        }
        return n;
    }

    private Set<String> keys() {
        Set<String> keys = new HashSet<>(own.keySet());
        if (parent != null) {
            for (String k : parent.keys()) {
                if (!removed.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }
}
