package vn.hanoi.searchnode;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one embedded OpenSearch 2.19.6 node for local development and tests.
 *
 * <pre>java -Xms512m -Xmx512m -jar searchnode.jar --http-port 9200 [--transport-port 9300] --data DIR</pre>
 *
 * A distribution normally does this through org.opensearch.bootstrap.Bootstrap (security manager,
 * jar-hell check, modules/ directory). Embedded, there is none of that: the "modules" are plain jars
 * on the classpath, handed to the Node constructor as classpath plugins.
 */
public final class SearchNode {

    /** Node's constructor that accepts classpath plugins is protected, so a subclass exposes it. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true /* forbidPrivateIndexSettings, as in production */);
        }
    }

    private static final String USAGE =
        "usage: java -jar searchnode.jar --http-port N [--transport-port N|FROM-TO] --data DIR";

    public static void main(String[] args) throws Exception {
        // Must run before any OpenSearch/Netty/log4j class initialises (they read these once).
        // Netty would otherwise be told the processor count by OpenSearch, which may only happen once per JVM.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        // Our own shutdown hook closes the node and then log4j; log4j's own hook would race with it.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        // The distribution's jvm.options sets these; OpenSearch's ISO calendar provider needs SPI first.
        System.setProperty("java.locale.providers", "SPI,COMPAT");

        String httpPort = null, transportPort = "9300-9400", data = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--http-port": httpPort = value; i++; break;
                case "--transport-port": transportPort = value; i++; break;
                case "--data": data = value; i++; break;
                case "-h": case "--help": System.out.println(USAGE); return;
                default: usage("unknown argument: " + args[i]);
            }
        }
        if (httpPort == null || data == null) usage("--http-port and --data are required");
        // 0 = any free port (the ready line then names the real one); transport also takes a range.
        if (!httpPort.matches("\\d+") || transportPort == null || !transportPort.matches("\\d+(-\\d+)?")) {
            usage("ports must be numbers (transport: N or FROM-TO)");
        }

        configureLogging();

        Path home = Path.of(data).toAbsolutePath();
        Path config = Files.createDirectories(home.resolve("config")); // empty: no opensearch.yml needed
        Settings settings = Settings.builder()
            .put("cluster.name", "searchnode")
            .put("node.name", "searchnode")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("discovery.type", "single-node")          // no cluster bootstrapping/election
            .put("network.host", "127.0.0.1")              // loopback only
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("cluster.routing.allocation.disk.threshold_enabled", false) // tmpfs/full disks must not block writes
            .put("action.destructive_requires_name", true) // Elasticsearch 8's default (OpenSearch 2: false)
            .build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), config, () -> "searchnode");

        Node node = new EmbeddedNode(env, plugins());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT: stop HTTP + transport, flush and close shards, then let the JVM exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                boolean closed = node.awaitClose(10, TimeUnit.SECONDS);
                System.err.println("searchnode stopped" + (closed ? "" : " (timed out waiting for threads)"));
            } catch (Exception e) {
                System.err.println("searchnode: error while closing: " + e);
            } finally {
                LogManager.shutdown();
                stopped.countDown();
            }
        }, "searchnode-shutdown"));

        try {
            node.start();
        } catch (Throwable t) {
            System.err.println("searchnode: failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
        }

        // start() returns once HTTP is bound and the single-node cluster has a cluster manager.
        var http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        System.out.println("searchnode ready http://" + http.getAddress() + ":" + http.getPort()
            + " pid=" + ProcessHandle.current().pid());
        System.out.flush();

        // Every OpenSearch thread is a daemon thread: keep one non-daemon thread alive until shutdown.
        stopped.await();
    }

    /** The modules a distribution ships in modules/, plus our compatibility plugin. */
    private static List<Class<? extends Plugin>> plugins() {
        List<Class<? extends Plugin>> plugins = new ArrayList<>(List.of(
            Netty4Plugin.class,           // HTTP and transport
            CommonAnalysisPlugin.class,   // asciifolding, edge_ngram, synonym_graph, ...
            PainlessPlugin.class,         // scripts
            ElasticCompatPlugin.class));  // X-Elastic-Product header for the elasticsearch-py 8 client
        // Optional: present when their jars are on the classpath (they are, with the pom as shipped).
        for (String name : List.of(
                "org.opensearch.index.mapper.MapperExtrasPlugin",   // scaled_float, rank_feature, search_as_you_type
                "org.opensearch.index.reindex.ReindexPlugin")) {    // _reindex, _delete_by_query, _update_by_query
            try {
                plugins.add(Class.forName(name).asSubclass(Plugin.class));
            } catch (ClassNotFoundException e) {
                System.err.println("searchnode: plugin not on classpath, skipped: " + name);
            }
        }
        StringBuilder names = new StringBuilder();
        for (Class<? extends Plugin> p : plugins) names.append(' ').append(p.getSimpleName());
        System.err.println("searchnode plugins:" + names);
        return plugins;
    }

    /** No log4j2.properties: WARN and above to stderr, so stdout carries only the ready line. */
    private static void configureLogging() {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.add(b.newAppender("stderr", "Console")
            .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
            .add(b.newLayout("PatternLayout").addAttribute("pattern", "[%d{ISO8601}][%-5p][%c{1.}] %m%n")));
        // -Dsearchnode.log.level=INFO shows OpenSearch's usual start-up log when debugging.
        Level level = Level.toLevel(System.getProperty("searchnode.log.level"), Level.WARN);
        b.add(b.newRootLogger(level).add(b.newAppenderRef("stderr")));
        // Warns on every start that dangling-index auto-import is off, which is the default anyway.
        b.add(b.newLogger("org.opensearch.gateway.DanglingIndicesState", Level.ERROR));
        Configurator.initialize(b.build());
    }

    private static void usage(String problem) {
        System.err.println("searchnode: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
