package io.mlexp.smoke;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment probe run inside a smoke image, by whoever runs the container (the CLI's {@link ContainerEngine}
 * in a second container, Jenkins with {@code docker exec} in the training container): Python, torch, CUDA and cuDNN
 * from the image's interpreter, and the GPU and driver through nvidia-smi when there is one.
 */
public final class ContainerProbe {
    private ContainerProbe() {
    }

    /** The {@code sh -c} script; it always ends with exit code 0 when the shell runs. */
    public static String script() {
        return "python3 -c '" + LocalEngine.PROBE.replace("'", "'\"'\"'") + "' 2>/dev/null || echo no-python; "
                + "command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true";
    }

    /** The fingerprint values in the script's output lines. */
    public static Map<String, String> parse(List<String> lines) {
        var values = new LinkedHashMap<String, String>();
        for (var line : lines) {
            if (line.startsWith("{")) {
                values.putAll(Fingerprints.parse(line));
            } else if (line.equals("no-python")) {
                values.put("python", "not in the image");
            } else if (line.contains(",")) {
                var gpu = line.split(",", 2);
                values.put("gpu", gpu[0].strip());
                values.put("driver", gpu[1].strip());
            }
        }
        return values;
    }
}
