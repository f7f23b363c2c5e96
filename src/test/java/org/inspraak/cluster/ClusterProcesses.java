package org.inspraak.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The separate processes of the cluster test: an OpenSearch node and Inspraak application nodes, each a child JVM
 * on a loopback port, with its output in {@code target/cluster-test}.
 */
public final class ClusterProcesses {

    public static final Path DIR = Paths.get("target", "cluster-test").toAbsolutePath();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClusterProcesses() {}

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port in 9201-9299: the OpenSearch runner gives HTTP ports only up to 9299. */
    public static int freeSearchPort() {
        for (int port = 9201; port < 9300; port++) {
            try (ServerSocket s = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try the next
            }
        }
        throw new IllegalStateException("No free port between 9201 and 9299 for OpenSearch");
    }

    public static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A started child process and where its output goes. */
    public record Child(String name, Process process, Path log) {
        public String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    public static Child start(String name, List<String> command) throws IOException {
        Files.createDirectories(DIR);
        Path log = DIR.resolve(name + ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Child(name, p, log);
    }

    /**
     * OpenSearch's classpath, resolved by Maven from {@code src/test/cluster/pom.xml} into a file (once), so that
     * OpenSearch's log4j and Lucene never meet the application's.
     */
    static String openSearchClasspath() throws IOException, InterruptedException {
        Path file = Paths.get("target", "opensearch.classpath").toAbsolutePath();
        if (!Files.exists(file)) {
            String mvnw = Paths.get("mvnw").toAbsolutePath().toString();
            Process mvn = new ProcessBuilder(
                            mvnw,
                            "-B",
                            "-q",
                            "-f",
                            Paths.get("src", "test", "cluster", "pom.xml").toString(),
                            "dependency:build-classpath",
                            "-Dmdep.outputFile=" + file)
                    .redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("opensearch-classpath.log").toFile())
                    .start();
            if (mvn.waitFor() != 0 || !Files.exists(file)) {
                throw new IllegalStateException(
                        "Could not resolve OpenSearch's classpath; see " + DIR.resolve("opensearch-classpath.log"));
            }
        }
        return Files.readString(file).strip();
    }

    /**
     * A one-node OpenSearch cluster on the given HTTP port. Its configuration directory is made by the runner at
     * its start (it refuses one that exists): install the word list with {@link #installWordList} once it answers.
     */
    public static Child openSearch(Path base, int httpPort) throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        String classpath = openSearchClasspath();
        // The runner numbers its nodes from 1 and gives node n the port base + n.
        return start(
                "opensearch",
                List.of(
                        java(),
                        "-Xmx512m",
                        "-cp",
                        classpath,
                        "org.codelibs.opensearch.runner.OpenSearchRunner",
                        "-basePath",
                        base.toString(),
                        "-numOfNode",
                        "1",
                        "-baseHttpPort",
                        Integer.toString(httpPort - 1),
                        "-clusterName",
                        "inspraak-cluster-test"));
    }

    /** The compound word list where the analyzers look for it: inspraak/nl-words.txt in the node's configuration. */
    public static void installWordList(Path base) throws IOException {
        Path config = base.resolve("node_1").resolve("config").resolve("inspraak");
        Files.createDirectories(config);
        Files.copy(
                Paths.get("src", "main", "resources", "search", "nl-words.txt"),
                config.resolve("nl-words.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** An application node in cluster mode, with the test driver, on this JVM's classpath. */
    static Child node(String name, int port, Map<String, String> settings) throws IOException {
        Path dataDir = Files.createTempDirectory(DIR, "node-" + name + "-");
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.inspraak.InspraakApplication",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.profiles.active=postgres,cluster",
                "--inspraak.data-dir=" + dataDir,
                "--inspraak.base-url=http://127.0.0.1:" + port,
                "--inspraak.test.cluster-driver=true",
                "--vaadin.launch-browser=false"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        return start("node-" + name, command);
    }

    public static void awaitReady(Child child, String url, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!child.process().isAlive()) {
                throw new IllegalStateException(child.name() + " stopped:\n" + child.tail());
            }
            try {
                return get(url).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
