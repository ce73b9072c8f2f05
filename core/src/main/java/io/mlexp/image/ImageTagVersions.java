package io.mlexp.image;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The versions an image's tag names, and whether the run found them inside: {@code pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime}
 * promises torch 2.5.1, CUDA 12.4 and cuDNN 9; {@code pytorch-cuda:2.9-cuda11.8} torch 2.9 and CUDA 11.8; {@code cu121} is
 * CUDA 12.1. NGC's {@code nvcr.io/nvidia/pytorch:24.01-py3} names a release, not a torch version, and promises nothing.
 */
public final class ImageTagVersions {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+){0,2})");
    private static final Pattern CUDA = Pattern.compile("cuda(\\d+(?:\\.\\d+){0,2})");
    private static final Pattern CU = Pattern.compile("cu(\\d{2,3})");
    private static final Pattern CUDNN = Pattern.compile("cudnn(\\d+(?:\\.\\d+)*)");
    private static final Pattern TORCH = Pattern.compile("(?:torch|pt)(\\d+(?:\\.\\d+){0,2})");

    private ImageTagVersions() {
    }

    /** What the tag promises, by the fingerprint's keys: {@code torch}, {@code cuda}, {@code cudnn}. */
    public static Map<String, String> promised(ImageReference image) {
        var promised = new LinkedHashMap<String, String>();
        if (image.tag().isEmpty() || image.path().endsWith("nvidia/pytorch")) {
            return promised;
        }
        var parts = image.tag().get().toLowerCase(Locale.ROOT).split("[-_]");
        boolean torchImage = image.path().toLowerCase(Locale.ROOT).contains("torch");
        for (int i = 0; i < parts.length; i++) {
            var part = parts[i];
            var cuda = CUDA.matcher(part);
            var cu = CU.matcher(part);
            var cudnn = CUDNN.matcher(part);
            var torch = TORCH.matcher(part);
            var version = VERSION.matcher(part);
            if (cuda.matches()) {
                promised.putIfAbsent("cuda", cuda.group(1));
            } else if (cu.matches()) {
                var digits = cu.group(1);
                promised.putIfAbsent("cuda", digits.substring(0, digits.length() - 1) + "." + digits.substring(digits.length() - 1));
            } else if (cudnn.matches()) {
                promised.putIfAbsent("cudnn", cudnn.group(1));
            } else if (torch.matches()) {
                promised.putIfAbsent("torch", torch.group(1));
            } else if (i == 0 && torchImage && version.matches()) {
                promised.putIfAbsent("torch", version.group(1));
            }
        }
        return promised;
    }

    /** A finding for each version the tag promises that the run measured otherwise; nothing for what it did not measure. */
    public static List<Finding> check(ImageReference image, Map<String, String> fingerprint, SourceLocation where) {
        var findings = new ArrayList<Finding>();
        promised(image).forEach((key, version) -> {
            var measured = fingerprint.get(key);
            if (measured == null || measured.isBlank() || "None".equals(measured) || measured.startsWith("not ")) {
                return;
            }
            var actual = "cudnn".equals(key) ? cudnn(measured) : measured;
            if (!sameRelease(version, actual)) {
                findings.add(Finding.error("image-tag-mismatch", where, "the image " + image + " says " + name(key) + " " + version
                        + " in its tag, but the run measured " + name(key) + " " + measured)
                        .withHint("tag the image after what it holds, or rebuild it; the fingerprint is what trained"));
            }
        });
        return findings;
    }

    /** {@code 2.5} is {@code 2.5.1+cu124}: each part the tag writes must match, later parts and local labels aside. */
    static boolean sameRelease(String promised, String measured) {
        var wanted = promised.split("\\.");
        var found = measured.split("[+]", 2)[0].split("\\.");
        if (found.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!stripZeros(wanted[i]).equals(stripZeros(found[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String part) {
        var stripped = part.replaceFirst("^0+(?=\\d)", "");
        return stripped.replaceFirst("^(\\d+).*", "$1");
    }

    /** torch reports cuDNN as one number: 8902 is 8.9.2, 90100 is 9.1.0. */
    static String cudnn(String measured) {
        if (!measured.matches("\\d{4,6}")) {
            return measured;
        }
        int number = Integer.parseInt(measured);
        return number >= 90000 ? number / 10000 + "." + number / 100 % 100 + "." + number % 100
                : number / 1000 + "." + number / 100 % 10 + "." + number % 100;
    }

    private static String name(String key) {
        return switch (key) {
            case "cuda" -> "CUDA";
            case "cudnn" -> "cuDNN";
            default -> key;
        };
    }
}
