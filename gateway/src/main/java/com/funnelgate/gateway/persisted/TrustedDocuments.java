package com.funnelgate.gateway.persisted;

import org.springframework.beans.factory.annotation.Autowired;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trusted operations: the manifest the {@code schema} module builds from its {@code persisted/*.graphql}
 * files. Loaded once at start-up, which fails when the manifest is missing or not an Apollo manifest, when an
 * id is not the SHA-256 of its body, when a body is not one named operation of the declared name and type, or
 * when a body does not validate against the schema: a gateway never serves a manifest it cannot run.
 */
@Component
public class TrustedDocuments {

    private static final Logger log = LoggerFactory.getLogger(TrustedDocuments.class);
    static final String FORMAT = "apollo-persisted-query-manifest";

    private final Map<String, TrustedOperation> byId;
    private final Map<String, TrustedOperation> byName;

    @Autowired
    public TrustedDocuments(PersistedProperties properties, JsonMapper json, GraphQlSource graphQl) {
        this(read(new DefaultResourceLoader().getResource(properties.manifest()), json), graphQl.schema());
        log.info("Loaded {} trusted operations from {}", byId.size(), properties.manifest());
    }

    TrustedDocuments(Manifest manifest, GraphQLSchema schema) {
        if (!FORMAT.equals(manifest.format()) || manifest.version() != 1) {
            throw new IllegalStateException("The trusted operations manifest must be " + FORMAT + " version 1");
        }
        Map<String, TrustedOperation> ids = new LinkedHashMap<>();
        Map<String, TrustedOperation> names = new LinkedHashMap<>();
        for (Manifest.Entry entry : manifest.operations()) {
            TrustedOperation operation = verify(entry, schema);
            if (ids.put(operation.id(), operation) != null || names.put(operation.name(), operation) != null) {
                throw new IllegalStateException("Trusted operation " + entry.name() + " is in the manifest twice");
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The trusted operation with this id (a normalized {@link DocumentIds} hash). */
    public Optional<TrustedOperation> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The trusted operation of this name. */
    public Optional<TrustedOperation> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The trusted operation whose body is exactly this text, if any. */
    public Optional<TrustedOperation> byBody(String document) {
        return byId(DocumentIds.of(document)).filter(operation -> operation.body().equals(document));
    }

    /** Every trusted operation, ordered by name. */
    public List<TrustedOperation> all() {
        return List.copyOf(byName.values());
    }

    private static TrustedOperation verify(Manifest.Entry entry, GraphQLSchema schema) {
        String where = "Trusted operation " + entry.name() + ": ";
        if (entry.body() == null || !DocumentIds.of(entry.body()).equals(entry.id())) {
            throw new IllegalStateException(where + "id " + entry.id() + " is not the SHA-256 of its body");
        }
        Document document;
        try {
            document = Parser.parse(entry.body());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(where + "body does not parse: " + e.getMessage(), e);
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() != 1 || !entry.name().equals(operations.get(0).getName())
                || !entry.type().equals(operations.get(0).getOperation().name().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(where + "body must be one " + entry.type() + " named " + entry.name());
        }
        List<ValidationError> errors = ParseAndValidate.validate(schema, document);
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.getMessage()));
            throw new IllegalStateException(where + "does not validate against the schema: " + messages);
        }
        return new TrustedOperation(entry.id(), entry.name(), entry.type(), entry.body(), document, operations.get(0));
    }

    private static Manifest read(Resource resource, JsonMapper json) {
        if (!resource.exists()) {
            throw new IllegalStateException("The trusted operations manifest " + resource
                    + " is missing: it is built with the schema module (./mvnw package)");
        }
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The trusted operations manifest " + resource + " cannot be read", e);
        }
    }

    /** An Apollo persisted-query manifest as read from JSON. */
    record Manifest(String format, int version, List<Entry> operations) {

        Manifest {
            operations = operations == null ? List.of() : List.copyOf(operations);
        }

        /** One operation of the manifest. */
        record Entry(String id, String name, String type, String body) {
        }
    }
}
