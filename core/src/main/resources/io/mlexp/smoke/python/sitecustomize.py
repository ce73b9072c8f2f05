# mlexp's fingerprint of the process that trains: put on PYTHONPATH by `mlexp smoke` (local and container engines).
# At exit it writes the running interpreter's Python, and torch, CUDA, cuDNN, GPUs and driver only when the script
# itself imported torch, to $MLEXP_FINGERPRINT_DIR/fingerprint-<pid>.json. It imports nothing the script did not,
# changes no setting, and then runs the sitecustomize it shadows, so what the script computes stays the same.
import atexit
import os
import sys


def _mlexp_write_fingerprint():
    try:
        import json
        import platform
        info = {"python": platform.python_version(), "executable": sys.executable, "argv0": (sys.argv or [""])[0]}
        torch = sys.modules.get("torch")
        if torch is not None:
            info["torch"] = str(getattr(torch, "__version__", "unknown"))
            version = getattr(torch, "version", None)
            info["cuda"] = str(getattr(version, "cuda", None))
            try:
                info["cudnn"] = str(torch.backends.cudnn.version())
            except Exception:
                pass
            try:
                if torch.cuda.is_initialized():
                    info["gpu"] = ", ".join(torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count()))
                else:
                    info["gpu"] = "none used"
            except Exception:
                pass
        try:
            with open("/proc/driver/nvidia/version", encoding="utf-8") as handle:
                first = handle.readline().split()
                numbers = [word for word in first if word[:1].isdigit() and "." in word]
                if numbers:
                    info["driver"] = numbers[0]
        except OSError:
            pass
        directory = os.environ.get("MLEXP_FINGERPRINT_DIR")
        if directory:
            with open(os.path.join(directory, "fingerprint-%d.json" % os.getpid()), "w", encoding="utf-8") as handle:
                json.dump(info, handle)
    except Exception:
        pass  # a fingerprint never breaks a training run


atexit.register(_mlexp_write_fingerprint)


def _mlexp_run_shadowed_sitecustomize():
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        if not entry or os.path.abspath(entry) == here:
            continue
        candidate = os.path.join(entry, "sitecustomize.py")
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8") as handle:
                code = compile(handle.read(), candidate, "exec")
            exec(code, {"__name__": "sitecustomize", "__file__": candidate})
            return


try:
    _mlexp_run_shadowed_sitecustomize()
except Exception as error:  # the shadowed file's own failure is reported as Python would, without stopping the run
    print("sitecustomize: %s: %s" % (type(error).__name__, error), file=sys.stderr)
