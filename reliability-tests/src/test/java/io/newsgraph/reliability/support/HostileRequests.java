package io.newsgraph.reliability.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates malformed and hostile requests for the operations of the gateway's OpenAPI document, from a fixed
 * seed (the same run every time). Every generated write is invalid by construction - its body cannot be
 * accepted (no usable `body`, broken JSON, NUL or invalid UTF-8 in text, wrong types where Jackson does not
 * coerce), a DELETE/PUT of a real article always carries a wrong If-Match - so that no request may create or
 * change anything; a valid-looking body is only sent to the stateless POST /extract.
 * <p>Strings below hold one byte per char (ISO-8859-1), so invalid UTF-8 can be written raw.
 */
public final class HostileRequests {

    /** One request: its category (for the report), the operation it targets and the exact bytes sent. */
    public record Request(
            String category, String operation, String method, String target, byte[] bytes, boolean mayWrite) {
        public boolean head() {
            return method.equals("HEAD");
        }
    }

    private static final String[] HOSTILE_IDS = {
        "..",
        "..%2F..%2F..%2Fq%2Fhealth",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..;",
        "..%5C..%5Cwindows",
        "%00",
        "abc%00def",
        "%0d%0aX-Injected:%201",
        "'%20OR%20'1'='1",
        "1;DROP%20TABLE%20article;--",
        "%27%3B--",
        "%C3%28",
        "%FF%FE%FD",
        "%ED%A0%80",
        "%F4%90%80%80",
        "%E2%80%AE",
        "%uFFFF",
        "%",
        "%G1",
        "%%",
        "-1",
        "0",
        "99999999999999999999999",
        "1e10",
        "null",
        "undefined",
        "%7B%7D",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "%F0%9F%98%80",
        "%09",
        "%20",
        "+",
        "*",
        "%2A",
        "%3Cscript%3E",
        "$%7Bjndi:ldap://127.0.0.1/a%7D",
        "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11%00",
        "6F1C8A52-3A6E-4C8E-9A53-0D8F0B0F5D11",
        "6f1c8a523a6e4c8e9a530d8f0b0f5d11",
        "{6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11}",
        "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d1",
        "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d111",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
        "%C0%AE%C0%AE",
        "\u00ff\u00fe",
        "\u00c3\u0028"
    };
    private static final String[] HOSTILE_VERSIONS = {
        "-1", "0", "2147483648", "9223372036854775808", "abc", "1.5", "%00", "1%20OR%201=1", "0x1", "1e2", "%2F"
    };
    private static final String[] HOSTILE_TEXT = {
        "'%20OR%201=1%20--",
        "%22;%20SELECT%20pg_sleep(10);%20--",
        "!!",
        "a%20%26%20%7C%20b",
        "(((",
        ")",
        "%3C-%3E",
        "foo:*",
        "a%20%3C2%3E%20b",
        "'",
        "%5C",
        "%25",
        "_",
        "*",
        "%22unterminated",
        "-",
        "--",
        "OR",
        "%01%02%03%1F",
        "%C3%28",
        "%FF",
        "%E2%80%AE",
        "%F0%9F%98%80",
        "%00",
        "%0d%0aSet-Cookie:%20x=1",
        "%7C%7C",
        "!(a%26b)",
        "a:*%20%26%20!b",
        "%5Cx00",
        "%2527",
        "$%7B7*7%7D",
        "%7B%7B7*7%7D%7D",
        "../../etc/passwd",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "ALL",
        "NULL",
        "%ED%A0%80"
    };
    private static final String[] HOSTILE_NUMBERS = {
        "abc",
        "-1",
        "0",
        "1000000",
        "99999999999999999999",
        "1.5",
        "1e3",
        "%00",
        "",
        "%20",
        "0x10",
        "NaN",
        "5%20OR%201=1",
        "-0",
        "+5",
        "%EF%BC%95",
        "2147483648",
        "5abc"
    };
    private static final String[] HOSTILE_DATES = {
        "yesterday",
        "2025-13-45T99:99:99Z",
        "9999999999-01-01T00:00:00Z",
        "-1",
        "2025-03-23",
        "%00",
        "2025-03-23T12:00:00",
        "2025-03-23T12:00:00%2B25:00",
        "0000-00-00T00:00:00Z",
        "1e10",
        "%C3%28",
        "now()"
    };
    private static final String[] CONTENT_TYPES = {
        null,
        "application/json; charset=utf-16",
        "application/json; charset=nonsense",
        "application/xml",
        "text/plain; charset=\"",
        "multipart/form-data; boundary=",
        "*/*",
        "application/json, text/plain",
        ";;;",
        "application/x-www-form-urlencoded",
        "text/html; charset=utf-32",
        "application/json; charset=utf-8; charset=latin1",
        "application/x-ndjson",
        "text/plain",
        "application/json",
        "\u00ff/\u00fe"
    };

    private final SplittableRandom random;
    private final List<Stack.Operation> operations;
    private final Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
    private final List<String> articleIds;
    private final List<String> entityIds;
    private final List<String> cursors;
    private final String key;

    public HostileRequests(
            long seed,
            List<Stack.Operation> operations,
            List<String> articleIds,
            List<String> entityIds,
            List<String> cursors,
            String key) {
        this.random = new SplittableRandom(seed);
        this.operations = operations;
        this.articleIds = articleIds;
        this.entityIds = entityIds;
        this.cursors = cursors;
        this.key = key;
        for (Stack.Operation op : operations) {
            methodsByPath
                    .computeIfAbsent(op.path(), p -> new java.util.HashSet<>())
                    .add(op.method());
        }
    }

    public Request next() {
        Stack.Operation op = operations.get(random.nextInt(operations.size()));
        int dice = random.nextInt(100);
        if (dice < 4) {
            return protocol(op);
        }
        String method = op.method();
        String category;
        boolean realId = random.nextInt(3) == 0;
        boolean hostilePath = op.path().contains("{") && dice < 30;
        if (dice >= 92) {
            List<String> candidates = new ArrayList<>(
                    List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND", "FOO"));
            candidates.removeAll(methodsByPath.get(op.path()));
            method = candidates.get(random.nextInt(candidates.size()));
            category = "wrong-method";
        } else if (hostilePath) {
            category = "path";
        } else if (op.isWrite() || dice < 60) {
            category = op.isWrite() ? "body" : "query";
        } else {
            category = "headers";
        }
        boolean realArticle = false;
        StringBuilder path = new StringBuilder();
        for (String segment : op.path().substring(1).split("/")) {
            path.append('/');
            if (segment.equals("{id}")) {
                String id;
                if (hostilePath && random.nextInt(4) != 0) {
                    id = HOSTILE_IDS[random.nextInt(HOSTILE_IDS.length)];
                    if (random.nextInt(20) == 0) {
                        id = "a".repeat(1 + random.nextInt(6000));
                    }
                } else if (realId) {
                    List<String> ids = op.path().startsWith("/api/v1/entities") ? entityIds : articleIds;
                    id = ids.get(random.nextInt(ids.size()));
                    realArticle = op.path().startsWith("/api/v1/articles");
                } else {
                    id = UUID.randomUUID().toString();
                }
                path.append(id);
            } else if (segment.equals("{version}")) {
                path.append(
                        hostilePath
                                ? HOSTILE_VERSIONS[random.nextInt(HOSTILE_VERSIONS.length)]
                                : String.valueOf(1 + random.nextInt(3)));
            } else {
                path.append(segment);
            }
        }
        String query = query(op, category.equals("query") || random.nextInt(4) == 0);
        List<String[]> headers = new ArrayList<>();
        byte[] body = null;
        String contentType = null;
        if (op.isWrite()
                || category.equals("wrong-method")
                        && !method.equals("GET")
                        && !method.equals("HEAD")
                        && random.nextBoolean()) {
            List<String> types = op.mediaTypes();
            contentType = types.isEmpty()
                    ? (random.nextBoolean() ? "application/json" : null)
                    : types.get(random.nextInt(types.size()));
            body = body(op, contentType);
        }
        if (op.method().equals("PUT") || op.method().equals("DELETE")) {
            // A real article is only ever addressed with a wrong If-Match (a right one would legitimately change it).
            // (W/"1" is left out: article-service wrongly accepts weak tags -
            // FindingsIT.deleteWithWeakIfMatchIsRefused.)
            String[] wrong = {
                "\"0\"",
                "\"999999\"",
                "W/\"999\"",
                "\"abc",
                "\"-1\"",
                "\"99999999999999999999\"",
                "garbage",
                "\"77\", \"78\""
            };
            if (realArticle || random.nextInt(3) != 0) {
                headers.add(new String[] {"If-Match", wrong[random.nextInt(wrong.length)]});
            }
        }
        if (category.equals("headers") || random.nextInt(6) == 0) {
            hostileHeaders(headers);
            if (body != null && random.nextInt(3) == 0) {
                contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                if (contentType != null
                        && !contentType.startsWith("application/json")
                        && !contentType.startsWith("application/x-ndjson")
                        && !contentType.startsWith("application/x-www")) {
                    body = textBody(
                            true); // text under any declared charset: always holds NULs, so it can never be an article
                }
            }
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        // POSTs that store nothing may answer 2xx to odd but valid input: extraction, and search sent as JSON.
        boolean mayWrite = Set.of("/api/v1/extract", "/api/v1/search").contains(op.path()) && method.equals("POST");
        String target = path + query;
        return new Request(
                category, op.toString(), method, target, bytes(method, target, headers, body, false), mayWrite);
    }

    private String query(Stack.Operation op, boolean hostile) {
        List<String> names = op.queryParameters();
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (!hostile && random.nextInt(3) != 0) {
                continue;
            }
            if (hostile && random.nextInt(3) == 0) {
                continue;
            }
            q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(value(name, hostile));
        }
        if (hostile && random.nextInt(5) == 0) {
            String[] odd = {
                "limit",
                "&&&",
                "=",
                "=x",
                "limit=1&limit=abc",
                "cursor&cursor=",
                "%00=%00",
                "a[]=1&a[]=2",
                "x=" + "y".repeat(3000),
                "__proto__=1",
                "q=%",
                "limit=%ZZ"
            };
            q.append(q.isEmpty() ? '?' : '&').append(odd[random.nextInt(odd.length)]);
        }
        if (hostile && random.nextInt(40) == 0) {
            for (int i = 0; i < 300; i++) {
                q.append(q.isEmpty() ? '?' : '&')
                        .append("p")
                        .append(i)
                        .append("=")
                        .append(i);
            }
        }
        return q.toString();
    }

    private String value(String name, boolean hostile) {
        switch (name) {
            case "limit":
                return hostile
                        ? HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)]
                        : String.valueOf(1 + random.nextInt(20));
            case "cursor", "after": {
                if (!hostile) {
                    return cursors.isEmpty() ? "" : cursors.get(random.nextInt(cursors.size()));
                }
                return switch (random.nextInt(8)) {
                    case 0 -> b64(randomBytes(1 + random.nextInt(64)));
                    case 1 -> b64("{\"seq\":-1}".getBytes(StandardCharsets.UTF_8));
                    case 2 -> b64("{\"o\":99999999999,\"k\":\"x\"}".getBytes(StandardCharsets.UTF_8));
                    case 3 -> cursors.isEmpty() ? "x" : cursors.get(random.nextInt(cursors.size())) + "x";
                    case 4 ->
                        cursors.isEmpty()
                                ? "x"
                                : cursors.get(random.nextInt(cursors.size())).substring(1);
                    case 5 -> "%00";
                    case 6 -> "A".repeat(1 + random.nextInt(5000));
                    default -> HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
                };
            }
            case "publishedFrom", "publishedTo", "publishedAt":
                return hostile ? HOSTILE_DATES[random.nextInt(HOSTILE_DATES.length)] : "2025-03-23T12:00:00Z";
            default:
                if (!hostile) {
                    return "kyiv";
                }
                if (random.nextInt(25) == 0) {
                    return "%41".repeat(500 + random.nextInt(2000));
                }
                StringBuilder v = new StringBuilder();
                int parts = 1 + random.nextInt(3);
                for (int i = 0; i < parts; i++) {
                    v.append(HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]);
                }
                return v.toString();
        }
    }

    private void hostileHeaders(List<String[]> headers) {
        switch (random.nextInt(10)) {
            case 0 ->
                headers.add(new String[] {
                    "Accept",
                    new String[] {
                                "application/xml", "text/html;q=abc", "*/*;q=0", "image/png", "application/problem+xml"
                            }
                            [random.nextInt(5)]
                });
            case 1 ->
                headers.add(new String[] {
                    "X-Request-Id",
                    new String[] {"../../etc", "a".repeat(500), "<script>", "%00", "id with spaces", "\u00ff\u00fe"}
                            [random.nextInt(6)]
                });
            case 2 ->
                headers.add(new String[] {
                    "If-None-Match", new String[] {"*", "\"abc", "W/", "\"1\"", "garbage"}[random.nextInt(5)]
                });
            case 3 ->
                headers.add(new String[] {
                    "Authorization",
                    new String[] {"Bearer ", "Basic %%%", "Bearer " + "x".repeat(2000), "Negotiate"}[random.nextInt(4)]
                });
            case 4 -> headers.add(new String[] {"Expect", random.nextBoolean() ? "100-continue" : "something-else"});
            case 5 -> headers.add(new String[] {"Range", "bytes=0-1,-5,100000000-"});
            case 6 -> headers.add(new String[] {"X-Forwarded-For", "127.0.0.1, ' OR 1=1, \u00ff"});
            case 7 -> headers.add(new String[] {"Forwarded", "for=\"[::1]\";proto=gopher;host=evil.example"});
            case 8 -> {
                for (int i = 0; i < 100; i++) {
                    headers.add(new String[] {"X-Junk-" + i, "v" + i});
                }
            }
            default -> headers.add(new String[] {"Accept-Charset", "ebcdic, utf-7;q=2"});
        }
    }

    private byte[] body(Stack.Operation op, String contentType) {
        String path = op.path();
        if (path.endsWith("/batch")) {
            StringBuilder ndjson = new StringBuilder();
            int lines = random.nextInt(20) == 0 ? 1001 : 1 + random.nextInt(30);
            for (int i = 0; i < lines; i++) {
                String line = random.nextInt(10) == 0
                        ? ""
                        : new String(jsonArticle(false), StandardCharsets.ISO_8859_1).replace("\n", " ");
                ndjson.append(line).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            return ndjson.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        if (path.endsWith("/aliases")) {
            return pick(new String[] {
                "{\"alias\":{}}",
                "{\"alias\":[\"Kiev\"]}",
                "{\"alias\":null}",
                "{\"alias\":\"\"}",
                "{\"alias\":\"   \"}",
                "{\"alias\":\"a\\u0001b\"}",
                "{\"alias\":\"" + "x".repeat(301) + "\"}",
                "{\"alias\":\"Kiev\"",
                "{}",
                "[]",
                "null",
                "{\"alias\":\"a\\u0000b\"}", /* lone surrogates: FindingsIT */
                "{\"alias\":\"\u00c3\u0028\"}",
                "{'alias':'Kiev'}",
                nested(random.nextInt(3000)),
                "{\"alias\":\"\\n\"}"
            });
        }
        if (path.endsWith("/merge")) {
            return pick(new String[] {
                "{\"source\":\"not-a-uuid\"}",
                "{\"source\":123}",
                "{\"source\":null}",
                "{}",
                "{\"source\":[]}",
                "{\"source\":\"" + UUID.randomUUID() + "\"",
                "{\"source\":\"" + UUID.randomUUID() + "\"}",
                "{\"source\":\"%00\"}",
                nested(random.nextInt(3000)),
                "{\"source\":\"../../\"}",
                "{\"source\":\"00000000-0000-0000-0000-000000000000\"}",
                "{\"source\":{\"$ne\":null}}"
            });
        }
        if (path.endsWith("/extract")) {
            if (random.nextInt(60) == 0) {
                return ("A".repeat(1024 * 1024 + 10)).getBytes(StandardCharsets.ISO_8859_1);
            }
            if ("application/json".equals(contentType)) {
                return pick(new String[] {
                    "{\"text\":{}}",
                    "{\"text\":null}",
                    "{\"text\":\"\"}",
                    "{\"title\":[],\"text\":\"Anna Berg said.\"}",
                    "{\"text\":\"Anna Berg said.\",\"publishedAt\":\"yesterday\"}",
                    "{\"text\":\"\u00c3\u0028\"}",
                    nested(random.nextInt(3000)),
                    "{",
                    "{\"text\":\"Witkoff said: \\\"' OR 1=1 -- <script>\\\" on Sunday.\"}"
                });
            }
            return randomText(1 + random.nextInt(1500)).getBytes(StandardCharsets.ISO_8859_1);
        }
        // POST /articles and PUT /articles/{id}
        if (contentType != null && contentType.startsWith("text/")) {
            return textBody(random.nextBoolean());
        }
        return jsonArticle(true);
    }

    /** Text (wire copy or HTML) that can never be an article: it holds NULs or invalid UTF-8, or is blank. */
    private byte[] textBody(boolean nul) {
        String text = switch (random.nextInt(4)) {
            case 0 -> "Port reopens\n\nThe port reopened on Thursday after repairs.";
            case 1 -> "<html><head><title>Port reopens</title></head><body><p>The port reopened.</p></body></html>";
            case 2 -> randomText(200);
            default -> "";
        };
        if (nul) {
            int at = Math.min(text.length(), random.nextInt(text.length() + 1)) & ~1;
            return (text.substring(0, at) + "\0\0\0\0" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
        }
        if (random.nextInt(8) == 0) {
            return "   \n\n  \t ".getBytes(StandardCharsets.ISO_8859_1);
        }
        String[] invalid = {
            "\u00c3\u0028",
            "\u00ff\u00fe",
            "\u00ed\u00a0\u0080",
            "\u00f8\u0088\u0080\u0080\u0080",
            "\u00c0\u00af",
            "\u0080"
        };
        int at = random.nextInt(text.length() + 1);
        return (text.substring(0, at) + invalid[random.nextInt(invalid.length)] + text.substring(at))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** JSON for an article input that has no usable body (or is not JSON at all). */
    private byte[] jsonArticle(boolean allowHuge) {
        int kind = random.nextInt(allowHuge ? 24 : 22);
        String json = switch (kind) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "{\"title\":";
            case 3 -> "{\"title\":\"x\",}";
            case 4 -> "{'title':'x','body':'y'}";
            case 5 -> "{\"title\":\"x\",\"body\":{}} trailing"; // (trailing garbage after a valid article: FindingsIT)
            case 6 -> new String[] {"null", "true", "123", "\"string\"", "[]", "[{}]", "{}"}[random.nextInt(7)];
            case 7 -> nested(1 + random.nextInt(20000));
            case 8 -> "{\"title\":" + nested(1 + random.nextInt(5000)) + ",\"body\":{}}";
            case 9 -> "{\"title\":{\"a\":1},\"body\":[\"b\"]}";
            case 10 -> "{\"title\":\"x\",\"body\":{\"a\":1}}";
            case 11 -> "{\"title\":\"x\",\"body\":null}";
            case 12 -> "{\"title\":\"x\",\"body\":\"   \"}";
            case 13 -> "{\"title\":\"Port reopens\",\"source\":\"x\"}";
            case 14 -> "{\"title\":\"x\",\"body\":[],\"publishedAt\":\"yesterday\",\"url\":\"javascript:alert(1)\"}";
            case 15 ->
                "{\"title\":\"\u00c3\u0028 t\",\"body\":\"b \u00ff\u00fe\"}"; // invalid UTF-8 in both: must be a 400
            case 16 -> "{\"title\":\"ok\\u0000title\",\"body\":{}}"; // (NUL in a valid body:
            // FindingsIT.nulInJsonBodyIsRefused)
            case 17 -> "{\"title\":\"a\\u0007b\",\"body\":[]}";
            case 18 -> "\u00ef\u00bb\u00bf{\"title\":\"x\"";
            case 19 -> "{\"title\": 1e999999, \"body\": {}}";
            case 20 -> "{\"title\":\"a\",\"title\":\"b\",\"body\":[],\"body\":{}}";
            case 21 -> {
                StringBuilder many = new StringBuilder("{");
                for (int i = 0; i < 20000; i++) {
                    many.append("\"k").append(i).append("\":").append(i).append(',');
                }
                yield many.append("\"title\":\"x\"}").toString();
            }
            case 22 -> "{\"title\":\"" + "T".repeat(100_000) + "\",\"body\":{}}";
            default ->
                "{\"title\":\"x\",\"body\":{},\"pad\":\"" + "P".repeat(4 * 1024 * 1024 + random.nextInt(1024))
                        + "\"}"; // over 4 MiB: 413
        };
        return json.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Framing and protocol abuse: raw bytes in the request line, broken chunking, lying headers. */
    private Request protocol(Stack.Operation op) {
        String path = op.path().replace("{id}", UUID.randomUUID().toString()).replace("{version}", "1");
        String auth = "X-API-Key: " + key + "\r\n";
        String raw = switch (random.nextInt(12)) {
            case 0 ->
                "GET " + path + "/\u00ff\u00fe\u00c3\u0028 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Connection: close\r\n\r\n";
            case 1 ->
                "GET " + path + "?q=\u0001\u0002 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n";
            case 2 ->
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "X-Big: " + "b".repeat(9000)
                        + "\r\nConnection: close\r\n\r\n";
            case 3 -> "GET " + path + " HTTP/1.1\r\n" + auth + "Connection: close\r\n\r\n";
            case 4 ->
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 5 ->
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                        + "Content-Length: 5\r\nConnection: close\r\n\r\n{}";
            case 6 ->
                "GET http://evil.example" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Connection: close\r\n\r\n";
            case 7 -> "GET " + path + " HTTP/1.0\r\n" + auth + "\r\n";
            case 8 ->
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "X-Bad\u0000Name: v\r\nConnection: close\r\n\r\n";
            case 9 ->
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Content-Length: -5\r\nConnection: close\r\n\r\n";
            case 10 ->
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n";
            default -> "GET " + path + " HTTP/9.9\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n";
        };
        return new Request(
                "protocol",
                op.toString(),
                raw.substring(0, raw.indexOf(' ')),
                path,
                raw.getBytes(StandardCharsets.ISO_8859_1),
                false);
    }

    private byte[] bytes(String method, String target, List<String[]> headers, byte[] body, boolean unused) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nX-API-Key: ")
                .append(key)
                .append("\r\nConnection: close\r\n");
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        boolean chunked = body != null && random.nextInt(10) == 0;
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            if (chunked) {
                for (int i = 0; i < body.length; i += 8192) {
                    int n = Math.min(8192, body.length - i);
                    out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, i, n);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes(body);
            }
        }
        return out.toByteArray();
    }

    private byte[] pick(String[] options) {
        return options[random.nextInt(options.length)].getBytes(StandardCharsets.ISO_8859_1);
    }

    private String nested(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.toString();
    }

    private String randomText(int length) {
        String alphabet =
                "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ \"'.,:;!?()<>&|*\\-\n\t\u00e9\u00fc\u00ff\u0001\u001b{}[]";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
