package com.funnelgate.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.funnelgate.gateway.support.TestSchemas;
import graphql.schema.GraphQLSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up checks of the manifest: every id is its body's SHA-256, every body one valid named operation. */
class TrustedDocumentsTests {

    private static final GraphQLSchema SCHEMA = TestSchemas.of("type Query { hello(name: String): String }");
    private static final String BODY = "query Hello($name: String) { hello(name: $name) }";

    @Test
    void loadsAValidManifestAndFindsOperationsByIdNameAndBody() {
        TrustedDocuments trusted = trusted(entry(DocumentIds.of(BODY), "Hello", "query", BODY));
        assertThat(trusted.byName("Hello")).isPresent();
        assertThat(trusted.byId(DocumentIds.of(BODY)).orElseThrow().definition().getName()).isEqualTo("Hello");
        assertThat(trusted.byBody(BODY)).isPresent();
        assertThat(trusted.byBody(BODY + " ")).isEmpty();
    }

    @Test
    void refusesAnIdThatIsNotTheBodysHash() {
        assertThatThrownBy(() -> trusted(entry(DocumentIds.of("other"), "Hello", "query", BODY)))
                .hasMessageContaining("is not the SHA-256 of its body");
    }

    @Test
    void refusesABodyThatIsNotTheNamedOperation() {
        assertThatThrownBy(() -> trusted(entry(DocumentIds.of(BODY), "Bye", "query", BODY)))
                .hasMessageContaining("must be one query named Bye");
    }

    @Test
    void refusesABodyThatDoesNotValidateAgainstTheSchema() {
        String body = "query Hello { goodbye }";
        assertThatThrownBy(() -> trusted(entry(DocumentIds.of(body), "Hello", "query", body)))
                .hasMessageContaining("does not validate against the schema");
    }

    @Test
    void refusesAnotherManifestFormat() {
        assertThatThrownBy(() -> new TrustedDocuments(new TrustedDocuments.Manifest("something", 1, List.of()), SCHEMA))
                .hasMessageContaining("apollo-persisted-query-manifest");
    }

    private static TrustedDocuments trusted(TrustedDocuments.Manifest.Entry entry) {
        return new TrustedDocuments(new TrustedDocuments.Manifest(TrustedDocuments.FORMAT, 1, List.of(entry)), SCHEMA);
    }

    private static TrustedDocuments.Manifest.Entry entry(String id, String name, String type, String body) {
        return new TrustedDocuments.Manifest.Entry(id, name, type, body);
    }
}
