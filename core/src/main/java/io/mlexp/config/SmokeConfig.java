package io.mlexp.config;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.image.ImageReference;
import io.mlexp.image.PinPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** {@code smoke:} the short training run that proves the code still learns. */
public record SmokeConfig(
        Engine engine,
        Optional<ImageReference> image,
        PinPolicy pin,
        String gpus,
        String network,
        String cli,
        String command,
        Duration timeout,
        MetricsSources metrics,
        Expect expect,
        Embedded embedded,
        Container container,
        ConfigLocations locations) {

    /** Where a container run finds the repository and writes its output. */
    public static final String WORKSPACE_MOUNT = "/workspace";
    public static final String OUTPUT_MOUNT = "/mlexp-out";

    /** What {@code gpus} may say; anything else could pass for another docker option. */
    public static final Pattern GPUS = Pattern.compile("all|none|[1-9][0-9]{0,2}|device=[0-9A-Za-z-]+(,[0-9A-Za-z-]+)*");
    static final String GPUS_FORMS = "all, none, a count such as 2, or device=0,1";

    /** The same smoke run on other GPUs (a CI step's {@code gpus:}); {@code gpus} is checked like the config's. */
    public SmokeConfig withGpus(String gpus) {
        if (!GPUS.matcher(gpus).matches()) {
            throw InvalidInputException.of("smoke-gpus", SourceLocation.of("gpus"),
                    "'" + gpus + "' is not a GPU selection; write " + GPUS_FORMS);
        }
        return toBuilder().gpus(gpus).build();
    }

    /** Where {@code smoke.<key>} is written in the config actually read: what a finding about that setting points at. */
    public SourceLocation where(String key) {
        return locations.of("smoke." + key);
    }

    /** Where item {@code index} of the list {@code smoke.<key>} is written. */
    public SourceLocation where(String key, int index) {
        return locations.of("smoke." + key, index);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A smoke config changed in a few settings, the others kept: {@code smoke.toBuilder().engine(LOCAL).build()}. */
    public static final class Builder {
        private Engine engine;
        private Optional<ImageReference> image;
        private PinPolicy pin;
        private String gpus;
        private String network;
        private String cli;
        private String command;
        private Duration timeout;
        private MetricsSources metrics;
        private Expect expect;
        private Embedded embedded;
        private Container container;
        private ConfigLocations locations;

        private Builder(SmokeConfig from) {
            engine = from.engine;
            image = from.image;
            pin = from.pin;
            gpus = from.gpus;
            network = from.network;
            cli = from.cli;
            command = from.command;
            timeout = from.timeout;
            metrics = from.metrics;
            expect = from.expect;
            embedded = from.embedded;
            container = from.container;
            locations = from.locations;
        }

        public Builder engine(Engine value) {
            engine = value;
            return this;
        }

        public Builder image(Optional<ImageReference> value) {
            image = value;
            return this;
        }

        public Builder pin(PinPolicy value) {
            pin = value;
            return this;
        }

        public Builder gpus(String value) {
            gpus = value;
            return this;
        }

        public Builder network(String value) {
            network = value;
            return this;
        }

        public Builder cli(String value) {
            cli = value;
            return this;
        }

        public Builder command(String value) {
            command = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder metrics(MetricsSources value) {
            metrics = value;
            return this;
        }

        public Builder expect(Expect value) {
            expect = value;
            return this;
        }

        public Builder embedded(Embedded value) {
            embedded = value;
            return this;
        }

        public Builder container(Container value) {
            container = value;
            return this;
        }

        public Builder locations(ConfigLocations value) {
            locations = value;
            return this;
        }

        public SmokeConfig build() {
            return new SmokeConfig(engine, image, pin, gpus, network, cli, command, timeout, metrics, expect, embedded, container,
                    locations);
        }
    }

    /** Where the smoke run happens. */
    public enum Engine {
        CONTAINER, LOCAL, EMBEDDED, AUTO;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the metrics of a smoke run must show. */
    public record Expect(boolean finite, OptionalDouble lossDecrease, String lossMetric, Map<String, Bounds> bounds) {
        public Expect {
            bounds = Collections.unmodifiableMap(new LinkedHashMap<>(bounds)); // checked in the order written
        }
    }

    /**
     * Where a smoke run's metrics are found, besides the JSON lines written to {@code $MLEXP_METRICS}: files the
     * training code already writes ({@code smoke.metrics}: paths or globs relative to the workspace, such as
     * {@code lightning_logs/version_*}{@code /metrics.csv}), and lines it prints ({@code smoke.stdout-metrics}: a metric
     * name and a pattern whose group {@code value} holds the number, and group {@code step} the step if it has one).
     */
    public record MetricsSources(List<String> paths, Map<String, Regex> stdout) {
        public MetricsSources {
            paths = List.copyOf(paths);
            stdout = Collections.unmodifiableMap(new LinkedHashMap<>(stdout));
        }
    }

    /**
     * What a container run gets besides the repository, as teams run training on a shared GPU host: data mounted
     * (read-only unless it says {@code :rw}), shared memory for DataLoader workers, and caps on memory and CPUs.
     */
    public record Container(List<Mount> mounts, Optional<DataSize> shmSize, Optional<DataSize> memory, OptionalDouble cpus) {
        public Container {
            mounts = List.copyOf(mounts);
        }

        public static Container none() {
            return new Container(List.of(), Optional.empty(), Optional.empty(), OptionalDouble.empty());
        }
    }

    /** A host directory or file mounted into the container; every part matched a fixed form, so none can pass for a flag. */
    public record Mount(String host, String container, boolean readOnly) {
        /** {@code -v}'s value: {@code /data:/workspace/data:ro}. */
        public String volume() {
            return host + ":" + container + (readOnly ? ":ro" : "");
        }
    }

    /** Inclusive limits on a metric's last value. */
    public record Bounds(OptionalDouble min, OptionalDouble max) {
    }

    /**
     * {@code smoke.embedded}: the model, synthetic batches and optimiser; {@code threads} 0 leaves the thread count to
     * libtorch. {@code config}, when set, is the team's training config whose {@code lr} and {@code seed}
     * the embedded training takes, so that a change to the config changes the smoke run too.
     */
    public record Embedded(String model, List<Integer> inputShape, int classes, int steps, long seed,
            double learningRate, int threads, Optional<String> config) {
        public Embedded {
            inputShape = List.copyOf(inputShape);
        }
    }

    public static SmokeConfig defaults() {
        return new SmokeConfig(Engine.AUTO, Optional.empty(), PinPolicy.DIGEST, "all", "none", "docker",
                "python train.py --config configs/smoke.yaml --max-steps 50", Duration.ofMinutes(10),
                new MetricsSources(List.of(), Map.of()),
                new Expect(true, OptionalDouble.of(0.05), "loss", Map.of()),
                new Embedded("model.pt", List.of(64, 784), 10, 50, 0, 0.001, 0, Optional.empty()), Container.none(),
                ConfigLocations.none(ConfigLoader.FILE_NAME));
    }
}
