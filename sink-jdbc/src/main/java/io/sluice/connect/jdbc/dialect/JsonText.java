package io.sluice.connect.jdbc.dialect;

/**
 * A JSON document bound to a json/jsonb/text column: dialects bind it so that the database parses it as JSON where
 * the column is JSON, without a cast in the SQL.
 *
 * @param json the serialized document
 */
public record JsonText(String json) {

    @Override
    public String toString() {
        return json;
    }
}
