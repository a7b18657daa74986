package com.funnelgate.gateway.bi;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an operation's answer becomes a CSV table, worked out once from its selection (so the header is the
 * same whether or not there are rows). Every selected scalar or enum is a column; nested objects add theirs
 * (e.g. {@code metrics.spend}). A list of objects multiplies lines: at each level one list is expanded, the one
 * named {@code rows} if selected, else the first; the columns above it repeat on each of its lines
 * (e.g. {@code reports → tenantId, currency, rows → period, spend}). Other lists of objects (such as
 * {@code sources}) are left out of the CSV. Headers are the shortest dotted suffix of each column's path
 * (aliases count) that is unique in the table: {@code spend}, or {@code totals.spend} and {@code metrics.spend}
 * when both are selected.
 */
final class CsvLayout {

    /** Columns of one level of objects, and the list below it that is expanded into lines. */
    private record Level(List<List<String>> columns, List<String> expand, Level next) {
    }

    /** A list of objects found while walking a level. */
    private record Candidate(List<String> path, GraphQLFieldsContainer type, SelectionSet selection) {
    }

    private final Level root;
    private final List<String> headers;

    private CsvLayout(Level root) {
        this.root = root;
        List<List<String>> paths = new ArrayList<>();
        for (Level level = root; level != null; level = level.next()) {
            paths.addAll(level.columns());
        }
        this.headers = headers(paths);
    }

    /** The layout of an operation (a query) of a document. */
    static CsvLayout of(GraphQLSchema schema, Document document, OperationDefinition operation) {
        return new CsvLayout(new Walk(document).level(schema.getQueryType(), operation.getSelectionSet()));
    }

    List<String> headers() {
        return headers;
    }

    /** The lines of an answer's {@code data}: one list of cell values per line. */
    List<List<Object>> lines(Map<String, Object> data) {
        List<List<Object>> lines = new ArrayList<>();
        lines(root, data, List.of(), lines);
        return lines;
    }

    private static void lines(Level level, Object node, List<Object> above, List<List<Object>> out) {
        List<Object> values = new ArrayList<>(above);
        level.columns().forEach(path -> values.add(valueAt(node, path)));
        if (level.expand() == null) {
            out.add(values);
            return;
        }
        if (valueAt(node, level.expand()) instanceof List<?> items) {
            for (Object item : items) {
                lines(level.next(), item, values, out);
            }
        }
    }

    private static Object valueAt(Object node, List<String> path) {
        Object value = node;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    private static List<String> headers(List<List<String>> paths) {
        List<String> headers = new ArrayList<>();
        for (List<String> path : paths) {
            int segments = 1;
            while (segments < path.size() && !unique(suffix(path, segments), paths)) {
                segments++;
            }
            headers.add(String.join(".", suffix(path, segments)));
        }
        return headers;
    }

    private static boolean unique(List<String> suffix, List<List<String>> paths) {
        return paths.stream().filter(path -> path.size() >= suffix.size()
                && suffix(path, suffix.size()).equals(suffix)).count() == 1;
    }

    private static List<String> suffix(List<String> path, int segments) {
        return path.subList(path.size() - segments, path.size());
    }

    /** Walks selections against the schema, with the document's fragments at hand. */
    private record Walk(Document document) {

        Level level(GraphQLFieldsContainer type, SelectionSet selection) {
            List<List<String>> columns = new ArrayList<>();
            List<Candidate> lists = new ArrayList<>();
            collect(type, selection, List.of(), columns, lists);
            Candidate expanded = lists.stream().filter(list -> list.path().get(list.path().size() - 1).equals("rows"))
                    .findFirst().orElse(lists.isEmpty() ? null : lists.get(0));
            if (expanded == null) {
                return new Level(columns, null, null);
            }
            return new Level(columns, expanded.path(), level(expanded.type(), expanded.selection()));
        }

        private void collect(GraphQLFieldsContainer type, SelectionSet selection, List<String> prefix,
                List<List<String>> columns, List<Candidate> lists) {
            for (Selection<?> item : selection.getSelections()) {
                if (item instanceof Field field) {
                    field(type, field, prefix, columns, lists);
                } else if (item instanceof InlineFragment fragment) {
                    collect(type, fragment.getSelectionSet(), prefix, columns, lists);
                } else if (item instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                            .filter(definition -> definition.getName().equals(spread.getName())).findFirst()
                            .orElseThrow();
                    collect(type, fragment.getSelectionSet(), prefix, columns, lists);
                }
            }
        }

        private void field(GraphQLFieldsContainer type, Field field, List<String> prefix, List<List<String>> columns,
                List<Candidate> lists) {
            List<String> path = new ArrayList<>(prefix);
            path.add(field.getResultKey());
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
            if (definition == null) {
                columns.add(path);
                return;
            }
            GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            GraphQLType named = GraphQLTypeUtil.unwrapAll(fieldType);
            if (!(named instanceof GraphQLFieldsContainer container)) {
                columns.add(path);
            } else if (fieldType instanceof GraphQLList) {
                lists.add(new Candidate(path, container, field.getSelectionSet()));
            } else {
                collect(container, field.getSelectionSet(), path, columns, lists);
            }
        }
    }
}
