"""Trainyard quickstart: a small neural network learns to read handwritten digits.

Trains scikit-learn's MLPClassifier on the digits data set that ships with scikit-learn (1797
8x8 images, no download), one epoch per partial_fit call, and logs training loss and validation
accuracy per epoch through the `trainyard` helper. The trained model goes to outputs/model.pkl.

    python3 train.py --epochs 20 --learning-rate 0.01 --batch-size 64 --alpha 1e-4 --seed 0
"""

import argparse
import os
import pickle
import sys
import time

try:
    import trainyard
except ImportError:
    sys.exit("error: the trainyard helper module was not found. Trainyard puts it on PYTHONPATH "
             "for every run; outside Trainyard run e.g. PYTHONPATH=../../../core/python "
             "python3 train.py")

try:
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.metrics import accuracy_score, log_loss
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
except ImportError as error:
    sys.exit(f"error: {error}. This sample needs scikit-learn for {sys.executable} "
             "(Debian: apt-get install python3-sklearn).")


def _number(kind, text):
    try:
        return kind(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise argparse.ArgumentTypeError(f"must be {what}, got {text!r}") from None


def positive_int(text):
    value = _number(int, text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_float(text):
    value = _number(float, text)
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def non_negative_float(text):
    value = _number(float, text)
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be zero or a positive number, got {text}")
    return value


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description="Train a digit classifier (Trainyard quickstart).")
    parser.add_argument("--epochs", type=positive_int, default=20,
                        help="passes over the training data (default: 20)")
    parser.add_argument("--learning-rate", type=positive_float, default=0.01,
                        help="SGD step size (default: 0.01)")
    parser.add_argument("--batch-size", type=positive_int, default=64,
                        help="examples per SGD step (default: 64)")
    parser.add_argument("--alpha", type=non_negative_float, default=1e-4,
                        help="L2 regularisation strength (default: 1e-4)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed for the data split and the weights (default: 0)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(argv)
    started = time.monotonic()

    digits = load_digits()
    x_train, x_valid, y_train, y_valid = train_test_split(
        digits.data, digits.target, test_size=0.2, stratify=digits.target,
        random_state=args.seed)
    scaler = StandardScaler().fit(x_train)
    x_train, x_valid = scaler.transform(x_train), scaler.transform(x_valid)
    classes = np.unique(digits.target)

    trainyard.tag("dataset", "digits")
    trainyard.log("learning_rate", args.learning_rate)
    print(f"digits: {len(y_train)} training and {len(y_valid)} validation images, "
          f"{len(classes)} classes", flush=True)

    model = MLPClassifier(hidden_layer_sizes=(64,), solver="sgd", momentum=0.9,
                          learning_rate_init=args.learning_rate, alpha=args.alpha,
                          batch_size=args.batch_size, random_state=args.seed)
    for epoch in range(args.epochs):
        epoch_started = time.monotonic()
        try:
            model.partial_fit(x_train, y_train, classes=classes)
        except ValueError as error:  # the weights overflowed: the learning rate is too high
            trainyard.log("loss", float("nan"), step=epoch)
            print(f"error: training diverged in epoch {epoch + 1} ({error}); "
                  "try a smaller --learning-rate", file=sys.stderr, flush=True)
            return 1
        loss = log_loss(y_train, model.predict_proba(x_train), labels=classes)
        accuracy = accuracy_score(y_valid, model.predict(x_valid))
        seconds = time.monotonic() - epoch_started

        trainyard.log("loss", float(loss), step=epoch)
        trainyard.log("accuracy", float(accuracy), step=epoch)
        trainyard.log("epoch_seconds", round(seconds, 4), step=epoch)
        print(f"epoch {epoch + 1:3d}/{args.epochs}  loss {loss:.4f}  accuracy {accuracy:.4f}  "
              f"({seconds:.2f} s)", flush=True)

    predicted = model.predict(x_valid)
    per_class = {"class": [], "accuracy": [], "support": []}
    for label in classes:
        mask = y_valid == label
        per_class["class"].append(int(label))
        per_class["accuracy"].append(round(float(np.mean(predicted[mask] == label)), 4))
        per_class["support"].append(int(mask.sum()))
    trainyard.log_table("per_class_accuracy", per_class)

    # Written to a temporary name first, so an interrupted run never leaves half a model.
    path = os.path.join(trainyard.outputs_dir(), "model.pkl")
    with open(path + ".tmp", "wb") as f:
        pickle.dump(Pipeline([("scale", scaler), ("mlp", model)]), f)
    os.replace(path + ".tmp", path)

    print(f"final validation accuracy {accuracy_score(y_valid, predicted):.4f}; "
          f"model written to {path} ({time.monotonic() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
