package io.sluice.testkit;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An S3-compatible endpoint served by S3Proxy inside the test JVM, on a loopback port.
 *
 * <p>S3Proxy 4.1.0 ships its Jetty shaded, so it runs beside a Connect worker's Jetty; the build leaves out its
 * cloud-provider SDKs (see the root pom). Objects live in memory ({@link #inMemory()}) or in a directory
 * ({@link #onDisk(Path)}). Requests must be signed with {@link #accessKey()} / {@link #secretKey()} (AWS V2 or
 * V4) unless the fixture was started with {@link #anonymousInMemory()}.
 *
 * <p>S3Proxy is an optional dependency of the testkit (it and the AWS SDK model it is written in add some
 * 10,000 classes that every worker in every other module's tests would scan): a module using this fixture
 * adds {@code org.gaul:s3proxy} in test scope; the root pom's dependency management carries its exclusions.
 */
public final class S3ProxyFixture implements AutoCloseable {

    /** Region clients should sign for; S3Proxy accepts any. */
    public static final String REGION = "us-east-1";

    private static final String ACCESS_KEY = "sluice-test-access";
    private static final String SECRET_KEY = "sluice-test-secret";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final boolean anonymous;

    private S3ProxyFixture(S3Proxy proxy, BlobStore blobStore, boolean anonymous) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.anonymous = anonymous;
    }

    /** Starts an endpoint with objects in memory that requires signed requests. */
    public static S3ProxyFixture inMemory() {
        return start(new TransientNio2BlobStore(), false);
    }

    /** Starts an endpoint with objects in memory that accepts unsigned requests. */
    public static S3ProxyFixture anonymousInMemory() {
        return start(new TransientNio2BlobStore(), true);
    }

    /** Starts an endpoint keeping buckets as subdirectories of {@code dir}, requiring signed requests. */
    public static S3ProxyFixture onDisk(Path dir) {
        return start(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()), false);
    }

    private static S3ProxyFixture start(BlobStore blobStore, boolean anonymous) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(anonymous ? AuthenticationType.NONE : AuthenticationType.AWS_V2_OR_V4,
                        anonymous ? "" : ACCESS_KEY, anonymous ? "" : SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .ignoreUnknownHeaders(true)
                // Jetty's graceful stop would wait out idle keep-alive connections of the test's clients.
                .stopTimeout(500)
                .build();
        try {
            proxy.start();
            ConnectClusterFixture.await(() -> "STARTED".equals(proxy.getState()), Duration.ofSeconds(30),
                    () -> "S3Proxy did not start: state " + proxy.getState());
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("Cannot start S3Proxy on 127.0.0.1: " + e.getMessage(), e);
        }
        return new S3ProxyFixture(proxy, blobStore, anonymous);
    }

    /** The endpoint URL, such as {@code http://127.0.0.1:41234}; use path-style bucket addressing. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The access key requests are signed with (empty for an anonymous endpoint). */
    public String accessKey() {
        return anonymous ? "" : ACCESS_KEY;
    }

    /** The secret key requests are signed with (empty for an anonymous endpoint). */
    public String secretKey() {
        return anonymous ? "" : SECRET_KEY;
    }

    /** The store behind the endpoint, to arrange and inspect objects without going through HTTP. */
    public BlobStore blobStore() {
        return blobStore;
    }

    /** Creates {@code bucket} unless it exists. */
    public void createBucket(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    /** Stores {@code content} as {@code bucket/key}, creating the bucket if needed. */
    public void putObject(String bucket, String key, byte[] content) {
        createBucket(bucket);
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket).key(key).contentLength((long) content.length).build();
        blobStore.putBlob(request, new ByteArrayInputStream(content));
    }

    /** Every key in {@code bucket} that starts with {@code prefix}, in S3 listing order. */
    public List<String> listKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = blobStore.list(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(prefix).continuationToken(token).build());
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    @Override
    public void close() {
        stopQuietly(proxy);
        blobStore.close();
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // Nothing a test can do about a proxy that fails to stop at the end of a run.
        }
    }
}
