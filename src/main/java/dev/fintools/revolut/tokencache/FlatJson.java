package dev.fintools.revolut.tokencache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token cache's JSON: one object of strings and whole numbers, read and written with jackson-core's streaming
 * API. A build that reuses a stored token reads only this file, and this keeps jackson-databind (some 300 classes)
 * out of that build.
 */
final class FlatJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FlatJson() {}

    /**
     * The object's string and number fields; nested values are skipped.
     *
     * @return null when the content is not a JSON object
     * @throws com.fasterxml.jackson.core.JsonProcessingException for content that is not valid JSON
     */
    static Map<String, Object> read(byte[] content) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, parser.getLongValue());
                } else if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren(); // unknown nested values: a newer plugin's fields
                }
            }
            return fields;
        }
    }

    /** Pretty-printed JSON of the fields in their order; null values are left out. */
    static byte[] write(Map<String, Object> fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(bytes).useDefaultPrettyPrinter()) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (field.getValue() instanceof Long number) {
                    generator.writeNumberField(field.getKey(), number);
                } else if (field.getValue() != null) {
                    generator.writeStringField(field.getKey(), field.getValue().toString());
                }
            }
            generator.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
