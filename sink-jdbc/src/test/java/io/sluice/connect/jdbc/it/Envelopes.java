package io.sluice.connect.jdbc.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * Record values in the JSON form Connect's {@code JsonConverter} reads with {@code schemas.enable=true}: a
 * {@code schema} and a {@code payload}. The test's "order" record has every type the sink maps.
 */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /**
     * The schema of an order: id, name, amount (decimal, scale 2), created (timestamp), day (date), data (bytes),
     * tags (array), active, at (time), meta (struct), attrs (map).
     */
    static ObjectNode orderSchema(boolean withNote) {
        ObjectNode schema = JSON.createObjectNode().put("type", "struct").put("name", "order").put("optional", false);
        ArrayNode fields = schema.putArray("fields");
        fields.addObject().put("field", "id").put("type", "int64").put("optional", false);
        fields.addObject().put("field", "name").put("type", "string").put("optional", true);
        ObjectNode amount = fields.addObject().put("field", "amount").put("type", "bytes").put("optional", true)
                .put("name", "org.apache.kafka.connect.data.Decimal");
        amount.putObject("parameters").put("scale", "2");
        fields.addObject().put("field", "created").put("type", "int64").put("optional", true)
                .put("name", "org.apache.kafka.connect.data.Timestamp");
        fields.addObject().put("field", "day").put("type", "int32").put("optional", true)
                .put("name", "org.apache.kafka.connect.data.Date");
        fields.addObject().put("field", "data").put("type", "bytes").put("optional", true);
        ObjectNode tags = fields.addObject().put("field", "tags").put("type", "array").put("optional", true);
        tags.putObject("items").put("type", "string").put("optional", false);
        fields.addObject().put("field", "active").put("type", "boolean").put("optional", true);
        fields.addObject().put("field", "at").put("type", "int32").put("optional", true)
                .put("name", "org.apache.kafka.connect.data.Time");
        ObjectNode meta = fields.addObject().put("field", "meta").put("type", "struct").put("optional", true);
        meta.putArray("fields").addObject().put("field", "k").put("type", "string").put("optional", false);
        ObjectNode attrs = fields.addObject().put("field", "attrs").put("type", "map").put("optional", true);
        attrs.putObject("keys").put("type", "string").put("optional", false);
        attrs.putObject("values").put("type", "int64").put("optional", false);
        if (withNote) {
            fields.addObject().put("field", "note").put("type", "string").put("optional", true);
        }
        return schema;
    }

    /** The created timestamp of order {@code id}. */
    public static Instant created(long id) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id * 61);
    }

    /** An order; {@code version} changes the name so that updates can be told apart. */
    public static String order(long id, int version) {
        return order(id, version, null);
    }

    /** An order with the {@code note} field of an evolved schema, when {@code note} is not null. */
    public static String order(long id, int version, String note) {
        ObjectNode root = JSON.createObjectNode();
        root.set("schema", orderSchema(note != null));
        ObjectNode payload = root.putObject("payload");
        payload.put("id", id).put("name", "order-" + id + "-v" + version)
                .put("amount", new BigDecimal(id + ".25"))
                .put("created", created(id).toEpochMilli())
                .put("day", LocalDate.of(2026, 1, 1).plusDays(id).toEpochDay())
                .put("data", Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) id}))
                .put("active", id % 2 == 0);
        payload.putArray("tags").add("t" + id).add("x");
        payload.put("at", id * 1000);
        payload.putObject("meta").put("k", "v" + id);
        payload.putObject("attrs").put("a", id);
        if (note != null) {
            payload.put("note", note);
        }
        return root.toString();
    }

    /** A key with a schema: a struct {@code {"id": id}}. */
    public static String key(long id) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode schema = root.putObject("schema").put("type", "struct").put("optional", false);
        schema.putArray("fields").addObject().put("field", "id").put("type", "int64").put("optional", false);
        root.putObject("payload").put("id", id);
        return root.toString();
    }

    /** A value with the given single-field struct schema, for hostile names and poison records. */
    public static String struct(List<Object[]> fields) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode schema = root.putObject("schema").put("type", "struct").put("optional", false);
        ArrayNode defs = schema.putArray("fields");
        ObjectNode payload = root.putObject("payload");
        for (Object[] field : fields) {
            String name = (String) field[0];
            String type = (String) field[1];
            defs.addObject().put("field", name).put("type", type).put("optional", true);
            payload.set(name, JSON.valueToTree(field[2]));
        }
        return root.toString();
    }
}
