package io.sluice.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class S3ProxyFixtureIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void putsAndListsObjectsOverPlainHttp() throws Exception {
        try (S3ProxyFixture s3 = S3ProxyFixture.anonymousInMemory()) {
            URI endpoint = s3.endpoint();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");

            assertThat(send("PUT", endpoint.resolve("/selftest"), "").statusCode()).isEqualTo(200);
            assertThat(send("PUT", endpoint.resolve("/selftest/in/a.csv"), "id,name\n1,one\n").statusCode())
                    .isEqualTo(200);
            assertThat(send("PUT", endpoint.resolve("/selftest/other/b.csv"), "x\n").statusCode()).isEqualTo(200);

            HttpResponse<String> listing = send("GET", endpoint.resolve("/selftest?list-type=2&prefix=in/"), null);
            assertThat(listing.statusCode()).isEqualTo(200);
            assertThat(listing.body()).contains("<Key>in/a.csv</Key>").doesNotContain("other/b.csv");

            HttpResponse<String> object = send("GET", endpoint.resolve("/selftest/in/a.csv"), null);
            assertThat(object.body()).isEqualTo("id,name\n1,one\n");
            assertThat(s3.listKeys("selftest", "")).containsExactly("in/a.csv", "other/b.csv");
        }
    }

    @Test
    void requiresSignedRequestsByDefault() throws Exception {
        try (S3ProxyFixture s3 = S3ProxyFixture.inMemory()) {
            s3.putObject("signed", "data/1.jsonl", "{\"id\":1}\n".getBytes(StandardCharsets.UTF_8));

            assertThat(send("GET", s3.endpoint().resolve("/signed?list-type=2"), null).statusCode()).isEqualTo(403);
            assertThat(s3.listKeys("signed", "data/")).containsExactly("data/1.jsonl");
            assertThat(s3.accessKey()).isNotEmpty();
            assertThat(s3.secretKey()).isNotEmpty();
        }
    }

    @Test
    void keepsBucketsInADirectory(@TempDir Path dir) throws Exception {
        try (S3ProxyFixture s3 = S3ProxyFixture.onDisk(dir)) {
            s3.putObject("ondisk", "k.txt", "v".getBytes(StandardCharsets.UTF_8));

            assertThat(s3.listKeys("ondisk", "")).containsExactly("k.txt");
            assertThat(Files.isDirectory(dir.resolve("ondisk"))).isTrue();
        }
    }

    private HttpResponse<String> send(String method, URI uri, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
