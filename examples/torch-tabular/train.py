#!/usr/bin/env python3
"""Train a small PyTorch MLP on the breast-cancer CSVs and export it as ONNX.

The second example of mlops-actions: a real PyTorch training that runs on CPU anywhere and on
CUDA on a GPU runner (--device auto picks CUDA when it is available). It writes

  model.onnx     input  `features`      float32 [N, F]  (columns in params.json -> features order)
                 output `probabilities` float32 [N, 2]  (softmax: P(benign), P(malignant))
                 metadata: feature_names (JSON array), label
  metrics.json   training-set accuracy, log_loss, roc_auc
  params.json    hyper-parameters, features, label, dataset sha256 and rows, device, versions

and prints `mlops:metric loss=<x> accuracy=<y> step=<epoch>` lines the train stage collects.
Deterministic on CPU: same data and flags, same weights and metrics (seeded, deterministic
algorithms, one thread). CUDA results may differ in the last digits.

Needs torch and onnx (Debian: python3-torch python3-onnx; pip: torch onnx).
"""
import argparse
import csv
import hashlib
import json
import math
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "breast-cancer", "data", "train.csv")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=os.path.relpath(DEFAULT_DATA), help="training CSV (header row; 0/1 label)")
    p.add_argument("--label", default="malignant", help="0/1 label column")
    p.add_argument("--features", help="comma list of feature columns (default: every numeric column but id and the label)")
    p.add_argument("--out", default="model.onnx", help="ONNX model to write")
    p.add_argument("--metrics", default="metrics.json", help="metrics JSON to write")
    p.add_argument("--params", default="params.json", help="params JSON to write")
    p.add_argument("--hidden", default="16", help="hidden layer sizes, comma separated")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--learning-rate", type=float, default=0.005)
    p.add_argument("--weight-decay", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--log-every", type=int, default=1, help="print a metric line every n epochs (and the last)")
    args = p.parse_args(argv)
    if args.epochs < 1 or args.batch_size < 1 or args.log_every < 1:
        p.error("--epochs, --batch-size and --log-every must be >= 1")
    try:
        args.hidden = [int(h) for h in args.hidden.split(",") if h.strip()]
    except ValueError:
        p.error("--hidden must be comma-separated integers, e.g. 32,16")
    if not args.hidden or min(args.hidden) < 1:
        p.error("--hidden needs at least one layer size >= 1")
    return args


def read_csv(path, label, features):
    """Numeric feature matrix and 0/1 labels; errors name the file, line and column."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        sys.exit(f"{path}: empty file")
    header, body = rows[0], rows[1:]
    if label not in header:
        sys.exit(f"{path}: no label column {label!r}")
    if features is None:
        features = []
        for j, name in enumerate(header):
            if name in (label, "id"):
                continue
            try:
                [float(r[j]) for r in body]
                features.append(name)
            except ValueError:
                pass  # categorical columns (size_band) are not model inputs
    missing = [f for f in features if f not in header]
    if missing:
        sys.exit(f"{path}: no column(s) {', '.join(missing)}")
    columns = [header.index(f) for f in features]
    y_col = header.index(label)
    x, y = [], []
    for i, r in enumerate(body, start=2):
        try:
            x.append([float(r[j]) for j in columns])
            value = int(r[y_col])
        except (ValueError, IndexError):
            sys.exit(f"{path}:{i}: non-numeric feature or label")
        if value not in (0, 1):
            sys.exit(f"{path}:{i}: label {label} must be 0 or 1")
        y.append(value)
    return features, x, y


def roc_auc(scores, labels):
    """Mann-Whitney AUC with average ranks for ties."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    return (sum(r for r, l in zip(ranks, labels) if l == 1) - pos * (pos + 1) / 2) / (pos * neg)


def write_atomic(path, text_or_bytes):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path) + ".")
    with os.fdopen(fd, "wb") as f:
        f.write(text_or_bytes.encode() if isinstance(text_or_bytes, str) else text_or_bytes)
    os.replace(tmp, path)


def main(argv):
    args = parse_args(argv)
    import torch  # imported after argument checks: a bad flag fails fast
    from torch import nn

    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    if args.device == "cuda" and not torch.cuda.is_available():
        sys.exit("--device cuda: CUDA is not available to torch on this machine")
    device = torch.device("cuda" if args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available()) else "cpu")

    features, x_rows, y_rows = read_csv(args.data, args.label, args.features.split(",") if args.features else None)
    x = torch.tensor(x_rows, dtype=torch.float32)
    y = torch.tensor(y_rows, dtype=torch.long)
    mean = x.mean(0)
    scale = x.std(0, unbiased=False).clamp_min(1e-12)

    class Model(nn.Module):
        """Standardisation inside the graph, an MLP, softmax: ONNX in = raw features."""

        def __init__(self):
            super().__init__()
            self.register_buffer("mean", mean.clone())
            self.register_buffer("scale", scale.clone())
            layers, width = [], len(features)
            for h in args.hidden:
                layers += [nn.Linear(width, h), nn.ReLU()]
                width = h
            layers.append(nn.Linear(width, 2))
            self.net = nn.Sequential(*layers)

        def logits(self, features):
            return self.net((features - self.mean) / self.scale)

        def forward(self, features):
            return torch.softmax(self.logits(features), dim=1)

    model = Model().to(device)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)
    loss_fn = nn.CrossEntropyLoss()
    xd, yd = x.to(device), y.to(device)
    shuffle = torch.Generator().manual_seed(args.seed)

    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.randperm(len(xd), generator=shuffle)
        for start in range(0, len(order), args.batch_size):
            batch = order[start : start + args.batch_size].to(device)
            optimiser.zero_grad()
            loss = loss_fn(model.logits(xd[batch]), yd[batch])
            loss.backward()
            optimiser.step()
        if epoch % args.log_every == 0 or epoch == args.epochs:
            model.eval()
            with torch.no_grad():
                logits = model.logits(xd)
                epoch_loss = loss_fn(logits, yd).item()
                accuracy = (logits.argmax(1) == yd).float().mean().item()
            print(f"mlops:metric loss={epoch_loss:.6f} accuracy={accuracy:.6f} step={epoch}", flush=True)

    model.eval().cpu()
    with torch.no_grad():
        p = model(x)[:, 1].tolist()
    eps = 1e-15
    metrics = {
        "accuracy": round(sum((pi >= 0.5) == (yi == 1) for pi, yi in zip(p, y_rows)) / len(y_rows), 6),
        "log_loss": round(-sum(math.log(max(pi, eps)) if yi else math.log(max(1 - pi, eps)) for pi, yi in zip(p, y_rows)) / len(y_rows), 6),
        "roc_auc": round(roc_auc(p, y_rows), 6),
    }

    import io
    import onnx

    buffer = io.BytesIO()
    torch.onnx.export(
        model,
        torch.zeros(1, len(features)),
        buffer,
        input_names=["features"],
        output_names=["probabilities"],
        dynamic_axes={"features": {0: "N"}, "probabilities": {0: "N"}},
        opset_version=13,
    )
    proto = onnx.load_from_string(buffer.getvalue())
    for key, value in (("feature_names", json.dumps(features)), ("label", args.label)):
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.doc_string = f'MLP {args.hidden} for "{args.label}". Input: float32 [N, {len(features)}] in feature_names order. Output: [P(0), P(1)].'
    onnx.checker.check_model(proto)
    write_atomic(args.out, proto.SerializeToString())

    with open(args.data, "rb") as f:
        data_sha = hashlib.sha256(f.read()).hexdigest()
    params = {
        "model": "mlp",
        "hidden": args.hidden,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "learning_rate": args.learning_rate,
        "weight_decay": args.weight_decay,
        "seed": args.seed,
        "device": device.type,
        "features": features,
        "label": args.label,
        "dataset": {"path": args.data, "sha256": data_sha, "rows": len(y_rows)},
        "torch": torch.__version__,
        "onnx": onnx.__version__,
    }
    write_atomic(args.metrics, json.dumps(metrics, indent=2) + "\n")
    write_atomic(args.params, json.dumps(params, indent=2) + "\n")
    print(f"trained on {len(y_rows)} rows x {len(features)} features on {device.type}: " + " ".join(f"{k}={v}" for k, v in metrics.items()))
    print(f"wrote {args.out}, {args.metrics}, {args.params}")


if __name__ == "__main__":
    main(sys.argv[1:])
