"""An independent writer (and reader, for the bench) of TensorBoard event files.

The messages are TensorFlow's own (Event, Summary, TensorProto), built by Python's protobuf from the descriptor set
the tests and the bench write from tensorflow-core-native's classes; the TFRecord framing and its masked CRC32C are
written here, after TensorFlow's record_writer.cc. Nothing of mlexp's reader is used.

    python3 tfevents.py DESCRIPTORS write OUT_FILE STEPS [--tensor] [--torn] [--corrupt-at N] [--tags loss,acc]
    python3 tfevents.py DESCRIPTORS summarize FILE
"""
import struct
import sys
import time

from google.protobuf import descriptor_pb2, message_factory


def _crc32c_table():
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_TABLE = _crc32c_table()


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc = _TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def messages(descriptor_path):
    files = descriptor_pb2.FileDescriptorSet()
    with open(descriptor_path, "rb") as handle:
        files.ParseFromString(handle.read())
    classes = message_factory.GetMessages(files.file)
    return classes["tensorflow.Event"], classes["tensorflow.Summary"]


class EventWriter:
    """Writes events as PyTorch's SummaryWriter does: a file-version event, then one event per add_scalar."""

    def __init__(self, descriptor_path, path):
        self.Event, self.Summary = messages(descriptor_path)
        self.handle = open(path, "wb")
        self.write(self.Event(wall_time=time.time(), file_version="brain.Event:2"))

    def record(self, data):
        header = struct.pack("<Q", len(data))
        return header + struct.pack("<I", masked_crc(header)) + data + struct.pack("<I", masked_crc(data))

    def write(self, event):
        self.handle.write(self.record(event.SerializeToString()))

    def add_scalar(self, tag, value, step, tensor=False):
        summary = self.Summary()
        entry = summary.value.add(tag=tag)
        if tensor:
            entry.metadata.plugin_data.plugin_name = "scalars"
            entry.tensor.dtype = 1  # DT_FLOAT
            entry.tensor.float_val.append(value)
        else:
            entry.simple_value = value
        self.write(self.Event(wall_time=time.time(), step=step, summary=summary))

    def flush(self):
        self.handle.flush()

    def close(self):
        self.handle.close()


def write(descriptor_path, out, steps, tensor=False, torn=False, corrupt_at=None, tags=("loss",)):
    writer = EventWriter(descriptor_path, out)
    for step in range(steps):
        for index, tag in enumerate(tags):
            writer.add_scalar(tag, 2.0 / (1 + step) + index, step, tensor)
    writer.close()
    with open(out, "r+b") as handle:
        data = handle.read()
        if corrupt_at is not None:
            handle.seek(corrupt_at)
            handle.write(bytes([data[corrupt_at] ^ 0xFF]))
        if torn:
            handle.truncate(len(data) - 7)


def summarize(descriptor_path, path):
    """The fastest reader here: protobuf's C++ parser, the framing read without checking the checksums."""
    Event, _ = messages(descriptor_path)
    counts, first, last = {}, {}, {}
    event = Event()
    with open(path, "rb") as handle:
        data = handle.read()
    offset, end = 0, len(data)
    while offset + 12 <= end:
        (length,) = struct.unpack_from("<Q", data, offset)
        start = offset + 12
        event.ParseFromString(data[start:start + length])
        offset = start + length + 4
        for value in event.summary.value:
            if value.WhichOneof("value") == "simple_value":
                counts[value.tag] = counts.get(value.tag, 0) + 1
                first.setdefault(value.tag, value.simple_value)
                last[value.tag] = value.simple_value
    for tag in counts:
        print(f"{tag} {counts[tag]} {first[tag]:.6g} {last[tag]:.6g}")


if __name__ == "__main__":
    descriptors, command = sys.argv[1], sys.argv[2]
    if command == "summarize":
        summarize(descriptors, sys.argv[3])
    else:
        args = sys.argv[3:]
        corrupt = int(args[args.index("--corrupt-at") + 1]) if "--corrupt-at" in args else None
        tags = tuple(args[args.index("--tags") + 1].split(",")) if "--tags" in args else ("loss",)
        write(descriptors, args[0], int(args[1]), "--tensor" in args, "--torn" in args, corrupt, tags)
