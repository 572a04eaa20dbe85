#!/usr/bin/python3
"""Writes the benchmark's MLP: 30 → 256 → 256 → 2 (ReLU, softmax), float32 input `features`
[N, 30], output `probabilities` [N, 2], weights from a seeded NumPy generator (He-scaled), with the
same feature_names metadata as the breast-cancer example so the bench feeds both models alike.

Usage: /usr/bin/python3 bench/evaluate-gate/make_mlp.py OUT.onnx FEATURE_NAMES_JSON
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out, feature_names = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(20261123)
sizes = [30, 256, 256, 2]
initializers = []
nodes = []
previous = "features"
for layer, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
    weight = (rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in) / (layer + 1)).astype(np.float32)
    bias = (rng.standard_normal(fan_out) * 0.01).astype(np.float32)
    initializers += [numpy_helper.from_array(weight, f"W{layer}"), numpy_helper.from_array(bias, f"B{layer}")]
    nodes += [helper.make_node("Gemm", [previous, f"W{layer}", f"B{layer}"], [f"z{layer}"])]
    previous = f"z{layer}"
    if layer < len(sizes) - 2:
        nodes += [helper.make_node("Relu", [previous], [f"h{layer}"])]
        previous = f"h{layer}"
nodes += [helper.make_node("Softmax", [previous], ["probabilities"], axis=1)]
graph = helper.make_graph(
    nodes,
    "bench_mlp",
    [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 30])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])],
    initializers,
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="mlops-actions bench")
model.ir_version = 7
helper.set_model_props(model, {"feature_names": feature_names})
onnx.checker.check_model(model)
onnx.save(model, out)
