import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build step of the schema module: turns the trusted operations ({@code src/main/resources/persisted/*.graphql},
 * one named operation per file) into an Apollo persisted-query manifest,
 * {@code {"format":"apollo-persisted-query-manifest","version":1,"operations":[{id,name,type,body}]}}, where
 * {@code id} is the hex SHA-256 of {@code body} (the file's text with line endings made LF and surrounding
 * blank space stripped, so a Windows checkout gives the same ids).
 *
 * <p>Run by the build with the JDK's source launcher (no compilation, no dependencies):
 * {@code java PersistedManifest.java <operations dir> <manifest file>}. It fails the build when a file holds
 * no named operation or more than one, or when two files name the same operation. The gateway parses and
 * validates every body against the schema at start-up and refuses to start when an id does not match.
 */
public final class PersistedManifest {

    private static final Set<String> OPERATION_TYPES = Set.of("query", "mutation", "subscription");

    record Operation(String id, String name, String type, String body) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java PersistedManifest.java <operations dir> <manifest file>");
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        TreeMap<String, Operation> operations = new TreeMap<>();
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
                Operation operation = read(file);
                Operation clash = operations.put(operation.name(), operation);
                if (clash != null) {
                    throw new IllegalStateException("Two trusted operations are named " + operation.name());
                }
            }
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, json(List.copyOf(operations.values())), StandardCharsets.UTF_8);
        System.out.println("[persisted] " + operations.size() + " trusted operations -> " + target);
    }

    static Operation read(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n').strip();
        List<String[]> found = operationsOf(body);
        if (found.size() != 1) {
            throw new IllegalStateException(file + " must hold exactly one named operation, found " + found.size());
        }
        String[] operation = found.get(0);
        return new Operation(sha256(body), operation[1], operation[0], body);
    }

    /** The (type, name) of each named operation: top-level words outside strings, comments, braces and parentheses. */
    static List<String[]> operationsOf(String text) {
        List<int[]> words = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                i = skipString(text, i);
            } else if (c == '{' || c == '(') {
                depth++;
                i++;
            } else if (c == '}' || c == ')') {
                depth--;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                if (depth == 0) {
                    words.add(new int[] {start, i});
                }
            } else {
                i++;
            }
        }
        List<String[]> operations = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = text.substring(words.get(w)[0], words.get(w)[1]);
            if (OPERATION_TYPES.contains(word)) {
                boolean named = w + 1 < words.size()
                        && text.substring(words.get(w)[1], words.get(w + 1)[0]).isBlank();
                if (!named) {
                    throw new IllegalStateException("Trusted operations must be named: an anonymous "
                            + word + " has no name to be found by");
                }
                operations.add(new String[] {word, text.substring(words.get(w + 1)[0], words.get(w + 1)[1])});
            }
        }
        return operations;
    }

    private static int skipString(String text, int start) {
        boolean block = text.startsWith("\"\"\"", start);
        int i = start + (block ? 3 : 1);
        while (i < text.length()) {
            if (block && text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
            char c = text.charAt(i);
            if (!block && c == '\\') {
                i += 2;
                continue;
            }
            if (!block && c == '"') {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    static String json(List<Operation> operations) {
        StringBuilder json = new StringBuilder("{\n  \"format\": \"apollo-persisted-query-manifest\",\n  \"version\": 1,\n")
                .append("  \"operations\": [");
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"id\": ").append(quote(op.id()))
                    .append(", \"name\": ").append(quote(op.name()))
                    .append(", \"type\": ").append(quote(op.type()))
                    .append(", \"body\": ").append(quote(op.body())).append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
