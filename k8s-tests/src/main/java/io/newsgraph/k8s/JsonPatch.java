package io.newsgraph.k8s;

import java.util.List;
import java.util.Map;

/** RFC 6902 {@code add}, {@code replace} and {@code remove} on a tree of maps and lists (RFC 6901 pointers). */
final class JsonPatch {
    private JsonPatch() {}

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = (String) operation.get("op");
        String path = (String) operation.get("path");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("JSON patch path must start with '/': " + path);
        }
        String[] tokens = path.substring(1).split("/", -1);
        Object parent = document;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = child(parent, unescape(tokens[i]), path);
        }
        String last = unescape(tokens[tokens.length - 1]);
        Object value = operation.get("value");
        switch (op) {
            case "add" -> {
                if (parent instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put(last, value);
                } else if (parent instanceof List<?> list) {
                    List<Object> l = (List<Object>) list;
                    l.add("-".equals(last) ? l.size() : index(last, l.size() + 1, path), value);
                } else {
                    throw new IllegalArgumentException("cannot add at " + path);
                }
            }
            case "replace" -> {
                if (parent instanceof Map<?, ?> map && map.containsKey(last)) {
                    ((Map<String, Object>) map).put(last, value);
                } else if (parent instanceof List<?> list) {
                    ((List<Object>) list).set(index(last, list.size(), path), value);
                } else {
                    throw new IllegalArgumentException("replace: nothing at " + path);
                }
            }
            case "remove" -> {
                if (parent instanceof Map<?, ?> map && map.containsKey(last)) {
                    map.remove(last);
                } else if (parent instanceof List<?> list) {
                    list.remove(index(last, list.size(), path));
                } else {
                    throw new IllegalArgumentException("remove: nothing at " + path);
                }
            }
            default ->
                throw new UnsupportedOperationException("JSON patch op '" + op + "' is outside the supported subset");
        }
    }

    private static Object child(Object node, String token, String path) {
        Object next = node instanceof Map<?, ?> map
                ? map.get(token)
                : node instanceof List<?> list ? list.get(index(token, list.size(), path)) : null;
        if (next == null) {
            throw new IllegalArgumentException("JSON patch path does not exist: " + path);
        }
        return next;
    }

    private static int index(String token, int bound, String path) {
        int i = Integer.parseInt(token);
        if (i < 0 || i >= bound) {
            throw new IllegalArgumentException("JSON patch index out of range: " + path);
        }
        return i;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
