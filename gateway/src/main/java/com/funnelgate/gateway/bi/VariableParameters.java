package com.funnelgate.gateway.bi;

import graphql.GraphQLContext;
import graphql.language.AstPrinter;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * Turns the query parameters of a BI request into the variables of a trusted operation, typed by the
 * operation's variable definitions. The convention:
 * <ul>
 * <li>a scalar or enum variable is one parameter of its name: {@code granularity=MONTH} (enum values in any
 *     case), {@code tenantId=42}; dates are ISO-8601 ({@code 2026-10-01});</li>
 * <li>a list variable repeats the parameter ({@code groupBy=NETWORK&groupBy=CAMPAIGN}) or separates values
 *     with commas ({@code networks=META,GOOGLE_ADS}); a list of String is never split on commas; an empty
 *     value is an empty list;</li>
 * <li>an input-object variable is one parameter per field, named {@code variable.field}
 *     ({@code range.from=…&range.to=…}; nested: {@code filter.networks=META}); a field may also go by its
 *     own name ({@code from}, {@code to}) when no variable has that name and no other field shares it;</li>
 * <li>{@code format} is the BI endpoint's own, parameters starting with {@code _} (cache busters) are
 *     ignored, and any other unknown parameter is refused.</li>
 * </ul>
 * A missing required variable or field, or a value that does not fit its type, is a {@link BadParameter}
 * naming it. Variables with defaults may be left out.
 */
final class VariableParameters {

    private static final Set<String> RESERVED = Set.of("format");

    /** Converted variables, with the dates among them in declaration order (for file names). */
    record Variables(Map<String, Object> values, List<String> dates) {
    }

    /** A variable or an input field: what it is called, its type, and whether it must be given. */
    private record Slot(String path, GraphQLInputType type, boolean required, List<Slot> fields) {
        boolean isObject() {
            return fields != null;
        }
    }

    private final List<Slot> variables = new ArrayList<>();
    private final Map<String, Slot> leaves = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    VariableParameters(GraphQLSchema schema, OperationDefinition operation) {
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            GraphQLInputType type = schemaType(schema, definition.getType());
            boolean required = definition.getType() instanceof NonNullType && definition.getDefaultValue() == null;
            variables.add(slot(definition.getName(), type, required));
        }
        Map<String, Integer> lastSegments = new HashMap<>();
        leaves.keySet().forEach(path -> lastSegments.merge(lastSegment(path), 1, Integer::sum));
        for (String path : leaves.keySet()) {
            String alias = lastSegment(path);
            if (!alias.equals(path) && lastSegments.get(alias) == 1 && !leaves.containsKey(alias)) {
                aliases.put(alias, path);
            }
        }
    }

    /** The variables the parameters stand for. */
    Variables convert(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> given = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        parameters.forEach((name, values) -> {
            if (RESERVED.contains(name) || name.startsWith("_")) {
                return;
            }
            String path = leaves.containsKey(name) ? name : aliases.get(name);
            if (path == null) {
                unknown.add(name);
            } else if (given.put(path, values) != null) {
                throw new BadParameter(path, "Query parameters '" + path + "' and '" + lastSegment(path)
                        + "' give the same value; use one of them.");
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadParameter(unknown.iterator().next(), "Unknown query parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ": this operation takes " + parameterList() + ".");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> dates = new ArrayList<>();
        for (Slot variable : variables) {
            Object value = value(variable, given, dates);
            if (value != null) {
                values.put(variable.path(), value);
            } else if (variable.required()) {
                throw missing(variable);
            }
        }
        return new Variables(values, dates);
    }

    private Object value(Slot slot, Map<String, List<String>> given, List<String> dates) {
        if (!slot.isObject()) {
            List<String> raw = given.get(slot.path());
            return raw == null ? null : leaf(slot, raw, dates);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        List<Slot> missing = new ArrayList<>();
        for (Slot field : slot.fields()) {
            Object value = value(field, given, dates);
            if (value != null) {
                object.put(lastSegment(field.path()), value);
            } else if (field.required()) {
                missing.add(field);
            }
        }
        if (object.isEmpty()) {
            return null;
        }
        if (!missing.isEmpty()) {
            throw missing(missing.get(0));
        }
        return object;
    }

    private Object leaf(Slot slot, List<String> raw, List<String> dates) {
        String name = parameterName(slot.path());
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(slot.type());
        if (type instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            List<String> items = raw.size() > 1 ? raw : split(raw.get(0), element);
            return items.stream().map(item -> scalar(name, item, element, dates)).toList();
        }
        if (raw.size() > 1) {
            throw new BadParameter(name, "Query parameter '" + name + "' is given " + raw.size() + " times; "
                    + "it takes one " + printed(slot.type()) + ".");
        }
        return scalar(name, raw.get(0), slot.type(), dates);
    }

    private static Object scalar(String name, String text, GraphQLInputType type, List<String> dates) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                    .filter(value -> value.equalsIgnoreCase(text.trim())).findFirst()
                    .orElseThrow(() -> new BadParameter(name, "Query parameter '" + name + "' must be one of "
                            + enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList()
                            + ", got " + shown(text) + "."));
        }
        if (!(unwrapped instanceof GraphQLScalarType scalar)) {
            throw new BadParameter(name, "Variable " + name + " (" + printed(type) + ") cannot be given as a "
                    + "query parameter.");
        }
        try {
            return switch (scalar.getName()) {
                case "String", "ID" -> text;
                case "Int" -> Integer.parseInt(text.trim());
                case "Float" -> Double.parseDouble(text.trim());
                case "Boolean" -> bool(text);
                default -> {
                    scalar.getCoercing().parseValue(text.trim(), GraphQLContext.getDefault(), Locale.ROOT);
                    if (scalar.getName().equals("Date")) {
                        dates.add(text.trim());
                    }
                    yield text.trim();
                }
            };
        } catch (CoercingParseValueException | IllegalArgumentException e) {
            String why = e instanceof CoercingParseValueException ? e.getMessage()
                    : scalar.getName() + " cannot be " + shown(text);
            throw new BadParameter(name, "Query parameter '" + name + "' is not a valid " + scalar.getName()
                    + ": " + why + ".");
        }
    }

    private static Boolean bool(String text) {
        if (text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false")) {
            return Boolean.valueOf(text.trim());
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static List<String> split(String raw, GraphQLInputType element) {
        if (raw.isEmpty()) {
            return List.of();
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(element);
        if (unwrapped instanceof GraphQLScalarType scalar && scalar.getName().equals("String")) {
            return List.of(raw);
        }
        return Arrays.stream(raw.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private Slot slot(String path, GraphQLInputType type, boolean required) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLInputObjectType object) {
            List<Slot> fields = new ArrayList<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                boolean fieldRequired = field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue();
                fields.add(slot(path + "." + field.getName(), field.getType(), fieldRequired));
            }
            return new Slot(path, type, required, fields);
        }
        Slot leaf = new Slot(path, type, required, null);
        leaves.put(path, leaf);
        return leaf;
    }

    private BadParameter missing(Slot slot) {
        String name = parameterName(slot.path());
        if (slot.isObject()) {
            List<String> names = new ArrayList<>();
            slot.fields().stream().filter(Slot::required).forEach(field -> names.add(parameterName(field.path())));
            return new BadParameter(slot.path(), "Missing variable " + slot.path() + " (" + printed(slot.type())
                    + "): give it as query parameters " + String.join(" and ", names) + ".");
        }
        return new BadParameter(name, "Missing query parameter '" + name + "' (variable " + slot.path() + ", a "
                + printed(slot.type()) + ").");
    }

    /** The name a parameter is best given by: its short alias when it has one. */
    private String parameterName(String path) {
        String alias = lastSegment(path);
        return path.equals(aliases.get(alias)) ? alias : path;
    }

    private String parameterList() {
        List<String> names = new ArrayList<>();
        leaves.keySet().forEach(path -> names.add(parameterName(path)));
        names.add("format");
        return String.join(", ", names);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String printed(GraphQLInputType type) {
        return GraphQLTypeUtil.simplePrint(type);
    }

    private static String shown(String text) {
        return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 40) + "…\"";
    }

    private static GraphQLInputType schemaType(GraphQLSchema schema, Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return GraphQLNonNull.nonNull(schemaType(schema, nonNull.getType()));
        }
        if (type instanceof ListType list) {
            return GraphQLList.list(schemaType(schema, list.getType()));
        }
        String name = ((TypeName) type).getName();
        if (!(schema.getType(name) instanceof GraphQLInputType input)) {
            throw new IllegalStateException("Variable type " + AstPrinter.printAst(type) + " is not an input type");
        }
        return input;
    }
}
