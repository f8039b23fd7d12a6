package io.sluice.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A server address given in the environment, such as {@code jdbc:postgresql://db:5432/test?user=u&password=p},
 * {@code postgresql://u:p@db:5432/test} or {@code redis://:secret@cache:6379/0}.
 *
 * @param scheme   the scheme without a {@code jdbc:} prefix, e.g. {@code postgresql}
 * @param host     the host
 * @param port     the port, or -1 when absent
 * @param path     the path without its leading slash (a database name or index), possibly empty
 * @param user     the user from the user-info part or the {@code user} query parameter, or null
 * @param password the password from the user-info part or the {@code password} query parameter, or null
 */
public record ServerUrl(String scheme, String host, int port, String path, String user, String password) {

    /** Parses {@code url}; throws IllegalArgumentException naming {@code source} when it is not a URL. */
    public static ServerUrl parse(String url, String source) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a valid URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(source + " must look like scheme://[user[:password]@]host[:port]"
                    + "[/database], e.g. postgresql://postgres@127.0.0.1:5432/test");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = query.get("user");
        String password = query.get("password");
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String infoUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = infoUser.isEmpty() ? user : infoUser;
            password = colon < 0 ? password : userInfo.substring(colon + 1);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new ServerUrl(uri.getScheme().toLowerCase(), uri.getHost(), uri.getPort(), path, user, password);
    }

    /** The port, or {@code fallback} when the URL gave none. */
    public int portOr(int fallback) {
        return port < 0 ? fallback : port;
    }

    /** The path, or {@code fallback} when the URL gave none. */
    public String pathOr(String fallback) {
        return path.isEmpty() ? fallback : path;
    }

    /** The user, or {@code fallback} when the URL gave none. */
    public String userOr(String fallback) {
        return user == null ? fallback : user;
    }

    /** The password, or {@code fallback} when the URL gave none. */
    public String passwordOr(String fallback) {
        return password == null ? fallback : password;
    }

    @Override
    public String toString() {
        // Never print a password into a test report.
        return scheme + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + host
                + (port < 0 ? "" : ":" + port) + (path.isEmpty() ? "" : "/" + path);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
