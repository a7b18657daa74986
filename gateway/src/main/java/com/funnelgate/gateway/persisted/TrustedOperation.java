package com.funnelgate.gateway.persisted;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trusted operation of the manifest: its id (SHA-256 of the body), name, type and text, with the
 * parsed document, checked against the schema at start-up.
 *
 * @param id hex SHA-256 of {@code body}
 * @param name the operation's name, unique among trusted operations
 * @param type {@code query}, {@code mutation} or {@code subscription}
 * @param body the document text
 * @param document the parsed body
 * @param definition the operation in {@code document}
 */
public record TrustedOperation(String id, String name, String type, String body, Document document,
        OperationDefinition definition) {

    /** This operation as an entry of an Apollo persisted-query manifest. */
    public Map<String, Object> manifestEntry() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("name", name);
        entry.put("type", type);
        entry.put("body", body);
        return entry;
    }
}
