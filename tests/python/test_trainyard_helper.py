"""Tests for core/python/trainyard.py, the metrics helper a run imports (stdlib unittest only).

Each test points the helper at a fresh temporary folder through the TRAINYARD_* variables and
parses the metrics file back.
"""

import contextlib
import io
import json
import os
import sys
import tempfile
import threading
import time
import unittest

# Also runnable without the PYTHONPATH CTest sets.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                os.pardir, os.pardir, "core", "python"))

import trainyard  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\x00" * 17
ENV = ("TRAINYARD_METRICS_FILE", "TRAINYARD_OUTPUTS_DIR", "TRAINYARD_RUN_ID",
       "TRAINYARD_EXPERIMENT")


class HelperTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = self.tmp.name
        saved = {k: os.environ.get(k) for k in ENV}
        self.addCleanup(self._restore_env, saved)
        for k in ENV:
            os.environ.pop(k, None)
        self.metrics = os.path.join(self.dir, "metrics.jsonl")
        self.outputs = os.path.join(self.dir, "outputs")
        # Each test starts with fresh step counters and no open file.
        trainyard._reset_after_fork()
        self.addCleanup(trainyard._reset_after_fork)

    @staticmethod
    def _restore_env(saved):
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def inside(self):
        os.environ["TRAINYARD_METRICS_FILE"] = self.metrics
        os.environ["TRAINYARD_OUTPUTS_DIR"] = self.outputs

    def lines(self):
        with open(self.metrics, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.endswith("\n"), "every line ends with a newline")
        return [json.loads(line, parse_constant=self._reject_constant)
                for line in text.splitlines()]

    @staticmethod
    def _reject_constant(name):
        raise ValueError(f"not strict JSON: {name}")

    def assert_time(self, record):
        self.assertIsInstance(record.pop("t"), int)

    def write_png(self, name="picture.png"):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(PNG)
        return path


class InsideTrainyardTest(HelperTestCase):
    def setUp(self):
        super().setUp()
        self.inside()

    def test_scalar_shape(self):
        before = int(time.time() * 1000)
        trainyard.log("loss", 0.31, step=12)
        trainyard.log("count", 7)
        trainyard.log("note", "warm-up done")
        after = int(time.time() * 1000)
        records = self.lines()
        for r in records:
            self.assertTrue(before - 1 <= r["t"] <= after + 1, r)
            self.assert_time(r)
        self.assertEqual(records, [
            {"name": "loss", "value": 0.31, "step": 12},
            {"name": "count", "value": 7, "step": 0},
            {"name": "note", "value": "warm-up done", "step": 0},
        ])
        with open(self.metrics, encoding="utf-8") as f:
            self.assertEqual(list(json.loads(f.readline())), ["t", "name", "value", "step"])

    def test_implicit_steps_count_per_name(self):
        trainyard.log("loss", 1.0)
        trainyard.log("acc", 0.5)
        trainyard.log("loss", 0.9)
        trainyard.log("loss", 0.8, step=100)
        trainyard.log("loss", 0.7)
        trainyard.log("acc", 0.6)
        steps = [(r["name"], r["step"]) for r in self.lines()]
        # An explicit step counts as an earlier value too: the next implicit step is the count.
        self.assertEqual(steps, [("loss", 0), ("acc", 0), ("loss", 1), ("loss", 100),
                                 ("loss", 3), ("acc", 1)])

    def test_numpy_like_values_are_plain_numbers(self):
        class Real(float):
            pass

        from fractions import Fraction
        trainyard.log("a", Real(1.5))
        trainyard.log("b", Fraction(1, 4))
        self.assertEqual([r["value"] for r in self.lines()], [1.5, 0.25])

    def test_nonfinite_values(self):
        trainyard.log("loss", float("nan"))
        trainyard.log("loss", float("inf"))
        trainyard.log("loss", float("-inf"))
        records = self.lines()
        for r in records:
            self.assert_time(r)
        self.assertEqual(records, [
            {"name": "loss", "value": None, "step": 0, "nonfinite": "nan"},
            {"name": "loss", "value": None, "step": 1, "nonfinite": "inf"},
            {"name": "loss", "value": None, "step": 2, "nonfinite": "-inf"},
        ])

    def test_list_shape(self):
        trainyard.log_list("schedule", [0.1, 2, "x"])
        trainyard.log_list("odd", (1.0, float("nan"), float("-inf")))
        records = self.lines()
        for r in records:
            self.assert_time(r)
        self.assertEqual(records, [
            {"name": "schedule", "kind": "list", "value": [0.1, 2, "x"]},
            {"name": "odd", "kind": "list", "value": [1.0, None, None],
             "nonfinite": {"1": "nan", "2": "-inf"}},
        ])

    def test_row_shape(self):
        trainyard.log_row("per_class", label="3", accuracy=0.97, support=180)
        # A column may be called "name": the metric name is positional-only.
        trainyard.log_row("r", name="n", bad=float("inf"))
        records = self.lines()
        for r in records:
            self.assert_time(r)
        self.assertEqual(records, [
            {"name": "per_class", "kind": "row",
             "value": {"label": "3", "accuracy": 0.97, "support": 180}},
            {"name": "r", "kind": "row", "value": {"name": "n", "bad": None},
             "nonfinite": {"bad": "inf"}},
        ])

    def test_table_shape(self):
        trainyard.log_table("confusion", {"class": [0, 1], "recall": [0.9, float("nan")]})
        records = self.lines()
        self.assert_time(records[0])
        self.assertEqual(records, [
            {"name": "confusion", "kind": "table",
             "value": {"class": [0, 1], "recall": [0.9, None]},
             "nonfinite": {"recall": {"1": "nan"}}},
        ])

    def test_table_columns_must_have_equal_length(self):
        with self.assertRaisesRegex(ValueError, "differ in length"):
            trainyard.log_table("t", {"a": [1, 2, 3], "b": [1, 2]})
        with self.assertRaises(ValueError):
            trainyard.log_table("t", {})
        with self.assertRaises(TypeError):
            trainyard.log_table("t", [[1, 2]])
        with self.assertRaises(TypeError):
            trainyard.log_table("t", {"a": "abc"})
        self.assertFalse(os.path.exists(self.metrics))

    def test_tag_shape(self):
        trainyard.tag("dataset", "digits")
        trainyard.tag("baseline")
        trainyard.tag("seed", 3)
        records = self.lines()
        for r in records:
            self.assert_time(r)
        self.assertEqual(records, [
            {"name": "dataset", "kind": "tag", "value": "digits"},
            {"name": "baseline", "kind": "tag", "value": None},
            {"name": "seed", "kind": "tag", "value": "3"},
        ])

    def test_invalid_types_are_rejected(self):
        cases = [
            lambda: trainyard.log("flag", True),
            lambda: trainyard.log("none", None),
            lambda: trainyard.log("list", [1, 2]),
            lambda: trainyard.log("complex", 1j),
            lambda: trainyard.log("bytes", b"x"),
            lambda: trainyard.log(3, 1.0),
            lambda: trainyard.log("loss", 1.0, step=1.5),
            lambda: trainyard.log("loss", 1.0, step=True),
            lambda: trainyard.log_list("l", "abc"),
            lambda: trainyard.log_list("l", [1, None]),
            lambda: trainyard.log_list("l", [False]),
            lambda: trainyard.log_row("r", a=object()),
            lambda: trainyard.tag("k", ["v"]),
            lambda: trainyard.log_image("img", 42),
        ]
        for i, case in enumerate(cases):
            with self.subTest(case=i), self.assertRaises(TypeError):
                case()
        with self.assertRaisesRegex(TypeError, "bool"):
            trainyard.log("flag", False)
        with self.assertRaises(ValueError):
            trainyard.log("", 1.0)
        with self.assertRaises(ValueError):
            trainyard.log_row("r")
        self.assertFalse(os.path.exists(self.metrics), "a rejected call writes nothing")

    def test_image_is_copied_under_outputs(self):
        source = self.write_png()
        trainyard.log_image("samples", source)
        trainyard.log_image("samples", source)
        records = self.lines()
        for r in records:
            self.assert_time(r)
        self.assertEqual(records, [
            {"name": "samples", "kind": "image", "path": "images/samples-0.png"},
            {"name": "samples", "kind": "image", "path": "images/samples-1.png"},
        ])
        for r in records:
            with open(os.path.join(self.outputs, r["path"]), "rb") as f:
                self.assertEqual(f.read(), PNG)

    def test_image_name_is_sanitised(self):
        source = self.write_png()
        names = ["../../x", "/etc/passwd", "a/../../b", "..", "weird name:*?", "\\..\\y", ""]
        for name in names[:-1]:
            trainyard.log_image(name, source)
        with self.assertRaises(ValueError):
            trainyard.log_image(names[-1], source)
        images = os.path.realpath(os.path.join(self.outputs, "images"))
        paths = []
        for r in self.lines():
            path = r["path"]
            paths.append(path)
            self.assertRegex(path, r"^images/[A-Za-z0-9_][A-Za-z0-9_.-]*-\d+\.png$")
            self.assertNotIn("..", path)
            full = os.path.realpath(os.path.join(self.outputs, path))
            self.assertEqual(os.path.dirname(full), images)
            self.assertTrue(os.path.isfile(full))
        self.assertEqual(paths[0], "images/x-0.png")
        self.assertEqual(paths[3], "images/image-0.png")
        self.assertEqual(sorted(os.listdir(self.dir)), ["metrics.jsonl", "outputs", "picture.png"])

    def test_image_must_be_png(self):
        path = os.path.join(self.dir, "not.png")
        with open(path, "wb") as f:
            f.write(b"GIF89a....")
        with self.assertRaisesRegex(ValueError, "not a PNG"):
            trainyard.log_image("img", path)
        with self.assertRaises(FileNotFoundError):
            trainyard.log_image("img", os.path.join(self.dir, "missing.png"))
        self.assertFalse(os.path.exists(self.metrics))

    def test_getters(self):
        os.environ["TRAINYARD_RUN_ID"] = "quickstart_3"
        os.environ["TRAINYARD_EXPERIMENT"] = "quickstart"
        self.assertEqual(trainyard.run_id(), "quickstart_3")
        self.assertEqual(trainyard.experiment(), "quickstart")
        self.assertFalse(os.path.exists(self.outputs))
        self.assertEqual(trainyard.outputs_dir(), self.outputs)
        self.assertTrue(os.path.isdir(self.outputs), "created on demand")

    def test_appends_to_an_existing_file(self):
        with open(self.metrics, "w", encoding="utf-8") as f:
            f.write('{"t": 1, "name": "old", "value": 1, "step": 0}\n')
        trainyard.log("new", 2)
        self.assertEqual([r["name"] for r in self.lines()], ["old", "new"])

    def test_threads_write_whole_lines(self):
        threads_n, per_thread = 8, 500
        payload = "x" * 2000  # long lines make torn writes likely if they could happen

        def work(k):
            for i in range(per_thread):
                if i % 2:
                    trainyard.log(f"m{k}", i)
                else:
                    trainyard.log_row("rows", thread=k, i=i, pad=payload)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(threads_n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        records = self.lines()  # json.loads fails on a torn line
        self.assertEqual(len(records), threads_n * per_thread)
        for k in range(threads_n):
            steps = [r["step"] for r in records if r["name"] == f"m{k}"]
            self.assertEqual(steps, list(range(per_thread // 2)), "steps in file order")
        self.assertTrue(all(r["value"]["pad"] == payload
                            for r in records if r["name"] == "rows"))

    @unittest.skipUnless(hasattr(os, "fork"), "needs fork")
    def test_forked_child_writes_its_own_lines(self):
        trainyard.log("loss", 1.0)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                trainyard.log("child", 1)
                trainyard.log("loss", 2.0)
            except BaseException:
                code = 1
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        trainyard.log("loss", 3.0)
        steps = sorted((r["name"], r["value"], r["step"]) for r in self.lines())
        # The child counts its own values from 0; the parent goes on with its own count.
        self.assertEqual(steps, [("child", 1, 0), ("loss", 1.0, 0), ("loss", 2.0, 0),
                                 ("loss", 3.0, 1)])


class OutsideTrainyardTest(HelperTestCase):
    def capture(self, fn):
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            fn()
        self.assertEqual(out.getvalue(), "", "nothing goes to stdout")
        return err.getvalue().splitlines()

    def test_prints_to_stderr_and_writes_nothing(self):
        cwd = os.getcwd()
        os.chdir(self.dir)
        self.addCleanup(os.chdir, cwd)
        source = self.write_png()

        def calls():
            trainyard.log("loss", 0.31, step=12)
            trainyard.log("loss", 0.25)
            trainyard.log("loss", float("nan"))
            trainyard.log_list("l", [1, 2.5, "a"])
            trainyard.log_row("r", a=1, b="x")
            trainyard.log_table("t", {"a": [1, 2]})
            trainyard.tag("dataset", "digits")
            trainyard.tag("baseline")
            trainyard.log_image("samples", source)

        self.assertEqual(self.capture(calls), [
            "[trainyard] loss=0.31 step=12",
            "[trainyard] loss=0.25 step=1",
            "[trainyard] loss=nan step=2",
            "[trainyard] l=[1, 2.5, a]",
            "[trainyard] r: a=1 b=x",
            "[trainyard] t: a=[1, 2]",
            "[trainyard] tag dataset=digits",
            "[trainyard] tag baseline",
            f"[trainyard] image samples={source}",
        ])
        self.assertEqual(os.listdir(self.dir), ["picture.png"], "no file, no outputs folder")
        self.assertIsNone(trainyard.run_id())
        self.assertIsNone(trainyard.experiment())

    def test_invalid_values_still_raise(self):
        with self.assertRaises(TypeError):
            self.capture(lambda: trainyard.log("flag", True))
        with self.assertRaises(ValueError):
            self.capture(lambda: trainyard.log_table("t", {"a": [1], "b": []}))

    def test_empty_variable_counts_as_outside(self):
        os.environ["TRAINYARD_METRICS_FILE"] = ""
        self.assertEqual(self.capture(lambda: trainyard.log("a", 1)),
                         ["[trainyard] a=1 step=0"])


if __name__ == "__main__":
    unittest.main()
