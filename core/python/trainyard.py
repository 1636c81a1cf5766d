"""Trainyard's metrics helper: log metrics from a training script.

Standard library only. The launcher puts this module on the PYTHONPATH of every run::

    import trainyard

    trainyard.log("loss", 0.31, step=12)          # scalar; step optional
    trainyard.log_list("lr_schedule", [0.1, 0.05])
    trainyard.log_row("per_class", label="3", accuracy=0.97)
    trainyard.log_table("confusion", {"class": [0, 1], "recall": [0.9, 0.8]})
    trainyard.tag("dataset", "digits")
    trainyard.log_image("samples", "grid.png")    # copied under outputs/images/

Inside Trainyard (the environment names ``TRAINYARD_METRICS_FILE``) every call appends one strict
JSON object on one line to that file, for example::

    {"t": 1700000000123, "name": "loss", "value": 0.31, "step": 12}

``t`` is the wall time in Unix milliseconds. Scalars carry no ``kind``; the other lines carry
``"kind"``: ``list``, ``row``, ``table``, ``tag`` or ``image``. A scalar logged without a step gets
the number of earlier values of that metric logged by this process (0, 1, 2, ...), so every scalar
line has an explicit step. Non-finite floats (NaN, +-inf) are written as ``null`` with a
``"nonfinite"`` field saying which (``"nan"``, ``"inf"``, ``"-inf"``), so every line is strict JSON.
See README.md beside this file for every shape.

Outside Trainyard (no ``TRAINYARD_METRICS_FILE``) nothing fails and no file is written: each call
prints one line to stderr instead, like ``[trainyard] loss=0.31 step=12``; ``log_image`` prints the
source path and copies nothing. Invalid arguments raise TypeError/ValueError in both cases, so a
script that works outside Trainyard works inside it.

Values may be int, float (including numpy scalars) or str, like Azure ML's ``run.log``; bool and
other types raise TypeError. Calls are thread-safe, and a forked child reopens the file and starts
its own step counters.
"""

import json
import math
import numbers
import os
import re
import shutil
import sys
import threading
import time

__all__ = [
    "log",
    "log_list",
    "log_row",
    "log_table",
    "tag",
    "log_image",
    "run_id",
    "experiment",
    "outputs_dir",
]

__version__ = "1.0"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- environment ---------------------------------------------------------------------------------

def run_id():
    """The run id (``TRAINYARD_RUN_ID``), or None outside Trainyard."""
    return os.environ.get("TRAINYARD_RUN_ID") or None


def experiment():
    """The experiment name (``TRAINYARD_EXPERIMENT``), or None outside Trainyard."""
    return os.environ.get("TRAINYARD_EXPERIMENT") or None


def outputs_dir():
    """The folder whose files are collected with the run (``TRAINYARD_OUTPUTS_DIR``, default
    ``outputs`` in the working directory). Created if missing."""
    path = os.environ.get("TRAINYARD_OUTPUTS_DIR") or "outputs"
    os.makedirs(path, exist_ok=True)
    return path


def _metrics_file():
    return os.environ.get("TRAINYARD_METRICS_FILE") or None


# --- value checks --------------------------------------------------------------------------------

def _check_name(name, what="name"):
    if not isinstance(name, str):
        raise TypeError(f"trainyard: metric {what} must be a str, not {type(name).__name__}")
    if not name:
        raise ValueError(f"trainyard: metric {what} must not be empty")
    return name


def _scalar(value, what):
    """Returns value as int, float or str, or raises TypeError (Azure ML accepts these three)."""
    # bool is an int subclass, and numpy.bool_ is no Number at all: both are rejected here.
    if isinstance(value, bool):
        raise TypeError(f"trainyard: {what} is a bool; log 1/0 or a string instead")
    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(
        f"trainyard: {what} must be an int, float or str, not {type(value).__name__}")


def _nonfinite(value):
    """'nan', 'inf' or '-inf' for a non-finite float, else None."""
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return "nan"
        return "inf" if value > 0 else "-inf"
    return None


def _sequence(values, what):
    """Checks a list of scalars; returns (JSON-safe list, {index: nonfinite kind})."""
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
        raise TypeError(
            f"trainyard: {what} must be a list or tuple of values, not {type(values).__name__}")
    out, nonfinite = [], {}
    for i, item in enumerate(values):
        item = _scalar(item, f"{what}[{i}]")
        kind = _nonfinite(item)
        if kind:
            nonfinite[str(i)] = kind
            item = None
        out.append(item)
    return out, nonfinite


def _shown(values, nonfinite):
    """values for the stderr line, with the non-finite ones shown again."""
    return [nonfinite.get(str(i), v) for i, v in enumerate(values)]


# --- the writer ----------------------------------------------------------------------------------

class _Writer:
    """Appends lines to the metrics file. One per process; see _reset_after_fork."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.path = None
        self.fd = None
        self.steps = {}

    def _reopen_if_needed(self, path):
        if self.pid != os.getpid():
            # Forked without our at-fork hook (e.g. os.fork from C code): the child starts afresh.
            self._drop()
            self.pid = os.getpid()
            self.steps = {}
        if self.fd is not None and self.path != path:
            self._drop()
        if self.fd is None:
            # Unbuffered O_APPEND: each line goes out in one write(), so lines from threads and
            # processes sharing the file never interleave, and a fork has no buffer to duplicate.
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
            self.path = path

    def _drop(self):
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
        self.fd = None
        self.path = None

    def next_step(self, name, step):
        """The step to record for scalar `name` (call with the lock held)."""
        count = self.steps.get(name, 0)
        self.steps[name] = count + 1
        return count if step is None else step

    def write(self, path, record):
        line = json.dumps(record, allow_nan=False, ensure_ascii=False) + "\n"
        data = line.encode("utf-8", "backslashreplace")
        self._reopen_if_needed(path)
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]


_writer = _Writer()


def _reset_after_fork():
    # The parent's lock may have been held by another thread at fork time.
    _writer.lock = threading.Lock()
    _writer._drop()
    _writer.pid = os.getpid()
    _writer.steps = {}


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


def _now_ms():
    return time.time_ns() // 1_000_000


def _emit(record, text):
    """Writes `record` inside Trainyard, or prints `text` to stderr outside it."""
    path = _metrics_file()
    if path is None:
        print(f"[trainyard] {text}", file=sys.stderr, flush=True)
        return
    _writer.write(path, record)


def _fmt(value):
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    return str(value)


# --- the API -------------------------------------------------------------------------------------

def log(name, value, step=None):
    """Logs one value of scalar metric `name` (int, float or str).

    Without `step`, the step is the number of values of `name` this process logged before.
    """
    _check_name(name)
    value = _scalar(value, f"value of {name!r}")
    if step is not None:
        if isinstance(step, bool) or not isinstance(step, numbers.Integral):
            raise TypeError(
                f"trainyard: step of {name!r} must be an int, not {type(step).__name__}")
        step = int(step)
    kind = _nonfinite(value)
    with _writer.lock:
        step = _writer.next_step(name, step)
        record = {"t": _now_ms(), "name": name, "value": None if kind else value, "step": step}
        if kind:
            record["nonfinite"] = kind
        _emit(record, f"{name}={_fmt(value)} step={step}")


def log_list(name, values):
    """Logs a list of values (int, float or str) as one metric."""
    _check_name(name)
    out, nonfinite = _sequence(values, f"values of {name!r}")
    record = {"t": _now_ms(), "name": name, "kind": "list", "value": out}
    if nonfinite:
        record["nonfinite"] = nonfinite
    with _writer.lock:
        _emit(record, f"{name}={_fmt(_shown(out, nonfinite))}")


def log_row(name, /, **columns):
    """Logs one row of table `name`; the keyword arguments are its columns. Repeated calls with
    the same name build a table."""
    _check_name(name)
    if not columns:
        raise ValueError(f"trainyard: log_row({name!r}) needs at least one column")
    value, nonfinite = {}, {}
    for column, item in columns.items():
        item = _scalar(item, f"column {column!r} of {name!r}")
        kind = _nonfinite(item)
        if kind:
            nonfinite[column] = kind
            item = None
        value[column] = item
    record = {"t": _now_ms(), "name": name, "kind": "row", "value": value}
    if nonfinite:
        record["nonfinite"] = nonfinite
    text = " ".join(f"{c}={_fmt(v)}" for c, v in columns.items())
    with _writer.lock:
        _emit(record, f"{name}: {text}")


def log_table(name, table):
    """Logs a whole table: a dict of column name -> list of values, all of one length."""
    _check_name(name)
    if not isinstance(table, dict):
        raise TypeError(
            f"trainyard: table {name!r} must be a dict of column -> list, not {type(table).__name__}")
    if not table:
        raise ValueError(f"trainyard: table {name!r} needs at least one column")
    value, nonfinite, lengths = {}, {}, {}
    for column, values in table.items():
        _check_name(column, f"column name in table {name!r}")
        out, bad = _sequence(values, f"column {column!r} of {name!r}")
        value[column] = out
        lengths[column] = len(out)
        if bad:
            nonfinite[column] = bad
    if len(set(lengths.values())) > 1:
        detail = ", ".join(f"{c}: {n}" for c, n in lengths.items())
        raise ValueError(f"trainyard: columns of table {name!r} differ in length ({detail})")
    record = {"t": _now_ms(), "name": name, "kind": "table", "value": value}
    if nonfinite:
        record["nonfinite"] = nonfinite
    text = " ".join(f"{c}={_fmt(_shown(v, nonfinite.get(c, {})))}" for c, v in value.items())
    with _writer.lock:
        _emit(record, f"{name}: {text}")


def tag(key, value=None):
    """Tags the run with `key`, optionally with a value (str; int and float are converted)."""
    _check_name(key, "tag key")
    if value is not None:
        value = _scalar(value, f"value of tag {key!r}")
        value = str(value)
    record = {"t": _now_ms(), "name": key, "kind": "tag", "value": value}
    with _writer.lock:
        _emit(record, f"tag {key}" + ("" if value is None else f"={value}"))


def _safe_file_stem(name):
    """A file name stem made from a metric name: no separators, no '..', never empty."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
    stem = re.sub(r"\.{2,}", ".", stem).strip("._-")
    return stem[:100] or "image"


def log_image(name, path):
    """Logs a PNG file: copies it to <outputs>/images/<name>-<n>.png and records that path,
    relative to the outputs folder."""
    _check_name(name)
    try:
        source = os.fspath(path)
    except TypeError:
        raise TypeError(
            f"trainyard: image path of {name!r} must be a str or path, not {type(path).__name__}"
        ) from None
    with open(source, "rb") as f:
        if f.read(len(_PNG_SIGNATURE)) != _PNG_SIGNATURE:
            raise ValueError(f"trainyard: image {source!r} of {name!r} is not a PNG file")

    if _metrics_file() is None:
        with _writer.lock:
            _emit(None, f"image {name}={source}")
        return

    images = os.path.join(outputs_dir(), "images")
    os.makedirs(images, exist_ok=True)
    stem = _safe_file_stem(name)
    n = 0
    while True:
        file_name = f"{stem}-{n}.png"
        if os.path.basename(file_name) != file_name:  # cannot happen after sanitising
            raise ValueError(f"trainyard: unsafe image name {name!r}")
        try:
            # Exclusive creation: never overwrite an image another call or process wrote.
            target = open(os.path.join(images, file_name), "xb")
            break
        except FileExistsError:
            n += 1
    with target, open(source, "rb") as f:
        shutil.copyfileobj(f, target)
    record = {"t": _now_ms(), "name": name, "kind": "image", "path": "images/" + file_name}
    with _writer.lock:
        _emit(record, f"image {name}=images/{file_name}")
