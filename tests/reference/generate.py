#!/usr/bin/python3
"""Writes the PyTorch reference fixtures that the native test suite compares ActLab against.

Run with the Debian interpreter, which has python3-torch (1.13):

    /usr/bin/python3 tests/reference/generate.py

Everything is float64. The output (activations.json, mlp.json, optimisers.json next to this
script) is committed: the C++ tests read the JSON only and never need PyTorch.

activations.json compares at full relative precision even for tiny values, so three activations are
not taken from torch.nn.functional as they are, because the functional form loses relative
precision where ActLab's does not; both are still evaluated and differentiated by PyTorch, and
checked against the functional form to 1e-15 absolute:
  - ELU: F.elu computes α(e^x − 1), which cancels near 0 (F.elu(−1e-300) = 0). Its value is taken
    from α·expm1(x); its derivative from F.elu's own autograd (α·e^x; autograd through expm1 would
    read it off the output as result + 1, which cancels for x ≪ 0).
  - GELU (exact): F.gelu computes x·½(1 + erf(x/√2)), which cancels in the negative tail
    (F.gelu(−10) = −0, and its derivative drops the Φ(x) term). We use x·½·erfc(−x/√2), the same
    function, for the value and the derivative, in mlp.json too.
  - GELU (tanh approximation): F.gelu(approximate='tanh') computes ½x(1 + tanh(u)), which cancels in
    the negative tail, and its backward gives NaN for huge |x| (0 · inf). We use x·σ(2u), the same
    function, on x clamped to ±30, past which it is relu(x) to double precision (|2u| > 1900).
mlp.json uses F.elu: its differences from expm1 are ~1e-17 absolute, far below that file's floor.
"""
import json
import math
import os
import random

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
INV_SQRT2 = 0.70710678118654752440


# ---------------------------------------------------------------------------------------------
# Activations, as ActLab defines them (PyTorch defaults and semantics at the kinks).
# `spec` mirrors actlab::Activation: kind plus its constants.

def elu_expm1(z, alpha):
    return torch.where(z > 0, z, alpha * torch.expm1(torch.clamp(z, max=0.0)))


def gelu_erfc(z):
    return z * 0.5 * torch.special.erfc(-z * INV_SQRT2)


GELU_TANH_LINEAR_BEYOND = 30.0


def gelu_tanh_sigmoid(z):
    c = torch.clamp(z, -GELU_TANH_LINEAR_BEYOND, GELU_TANH_LINEAR_BEYOND)
    u = math.sqrt(2.0 / math.pi) * (c + 0.044715 * c ** 3)
    inside = c * torch.sigmoid(2.0 * u)
    return torch.where(z > GELU_TANH_LINEAR_BEYOND, z, torch.where(z < -GELU_TANH_LINEAR_BEYOND, 0.0 * z, inside))


def apply_activation(spec, z, alpha=None, precise=False):
    kind = spec["kind"]
    if kind == "identity":
        return z * 1.0
    if kind == "sigmoid":
        return torch.sigmoid(z)
    if kind == "tanh":
        return torch.tanh(z)
    if kind == "relu":
        return F.relu(z)
    if kind == "leaky_relu":
        return F.leaky_relu(z, negative_slope=spec["slope"])
    if kind == "prelu":
        return F.prelu(z, alpha)
    if kind == "elu":
        return elu_expm1(z, spec["elu_alpha"]) if precise else F.elu(z, alpha=spec["elu_alpha"])
    if kind == "gelu":
        return gelu_erfc(z)
    if kind == "gelu_tanh":
        return gelu_tanh_sigmoid(z) if precise else F.gelu(z, approximate="tanh")
    if kind == "silu":
        return F.silu(z)
    if kind == "mish":
        return F.mish(z)
    if kind == "softplus":
        return F.softplus(z, beta=spec["softplus_beta"], threshold=spec["softplus_threshold"])
    if kind == "softmax":  # the output layer of a classifier, over each row's k units
        return torch.softmax(z, dim=1)
    raise ValueError(kind)


def functional_form(spec, z):
    """The plain torch.nn.functional version, for the self-check of the two rewritten forms."""
    if spec["kind"] == "elu":
        return F.elu(z, alpha=spec["elu_alpha"])
    if spec["kind"] == "gelu":
        return F.gelu(z, approximate="none")
    if spec["kind"] == "gelu_tanh":
        return F.gelu(z, approximate="tanh")
    return None


ACTIVATIONS = [
    {"name": "identity", "kind": "identity"},
    {"name": "sigmoid", "kind": "sigmoid"},
    {"name": "tanh", "kind": "tanh"},
    {"name": "relu", "kind": "relu"},
    {"name": "leaky_relu_0.01", "kind": "leaky_relu", "slope": 0.01},
    {"name": "leaky_relu_0.2", "kind": "leaky_relu", "slope": 0.2},
    {"name": "prelu_0.25", "kind": "prelu", "prelu_alpha": 0.25},
    {"name": "elu_1", "kind": "elu", "elu_alpha": 1.0},
    {"name": "gelu", "kind": "gelu"},
    {"name": "gelu_tanh", "kind": "gelu_tanh"},
    {"name": "silu", "kind": "silu"},
    {"name": "mish", "kind": "mish"},
    {"name": "softplus_1_20", "kind": "softplus", "softplus_beta": 1.0, "softplus_threshold": 20.0},
]


def activation_points():
    special = [0.0]
    for magnitude in [1e-300, 5e-324, 1e-8, 0.5, 1.0, 3.0, 20.0, 50.0, 700.0, 1e300]:
        special += [magnitude, -magnitude]
    rng = random.Random(20240601)
    # 40 values in [−10, 10]: a jittered grid, so both sides and the region near 0 are covered.
    grid = [round(-10.0 + 20.0 * (k + rng.random()) / 40.0, 6) for k in range(40)]
    return special + grid


def generate_activations():
    xs = activation_points()
    out = []
    for spec in ACTIVATIONS:
        x = torch.tensor(xs, requires_grad=True)
        alpha = None
        if spec["kind"] == "prelu":
            # One α per element (channel dimension 1), so α's gradient comes out per point.
            alpha = torch.full((len(xs),), spec["prelu_alpha"], requires_grad=True)
            y = apply_activation(spec, x.view(1, -1), alpha).view(-1)
        else:
            y = apply_activation(spec, x, precise=True)
        if spec["kind"] == "elu":
            # Differentiate F.elu itself (its backward uses α·e^x), keep the expm1 value.
            x_again = torch.tensor(xs, requires_grad=True)
            F.elu(x_again, alpha=spec["elu_alpha"]).backward(torch.ones(len(xs)))
            x = x_again
        else:
            y.backward(torch.ones_like(y))
        reference = functional_form(spec, x.detach())
        if reference is not None:
            assert torch.max(torch.abs(reference - y.detach())).item() < 1e-15, spec["name"]
        points = []
        for k, value in enumerate(xs):
            point = {"x": value, "value": y[k].item(), "derivative": x.grad[k].item()}
            if alpha is not None:
                point["derivative_alpha"] = alpha.grad[k].item()
            for number in point.values():
                assert math.isfinite(number), (spec["name"], value)
            points.append(point)
        entry = {key: spec[key] for key in spec}
        entry["points"] = points
        out.append(entry)
    return {"description": "f(x) and df/dx (and df/dalpha for prelu) from PyTorch autograd, float64",
            "activations": out}


# ---------------------------------------------------------------------------------------------
# MLP forward/backward cases.

def layer_spec(kind, **constants):
    spec = {"kind": kind}
    if kind == "leaky_relu":
        spec["slope"] = constants.get("slope", 0.01)
    if kind == "elu":
        spec["elu_alpha"] = constants.get("elu_alpha", 1.0)
    if kind == "softplus":
        spec["softplus_beta"] = constants.get("softplus_beta", 1.0)
        spec["softplus_threshold"] = constants.get("softplus_threshold", 20.0)
    return spec


# Each case: activations per layer (the last one is the output), loss, and optional PReLU details.
# Shapes are drawn at random below; the activation mix is fixed so every kind is covered.
MLP_CASES = [
    ("tanh_sigmoid_mse", [layer_spec("tanh"), layer_spec("sigmoid")], "mse", {}),
    ("relu_identity_mse", [layer_spec("relu"), layer_spec("relu"), layer_spec("identity")], "mse", {}),
    ("prelu_shared_bce", [layer_spec("prelu"), layer_spec("sigmoid")], "bce", {0: ("shared", 0.25)}),
    ("prelu_per_unit_mse", [layer_spec("prelu"), layer_spec("tanh")], "mse", {0: ("per_unit", None)}),
    ("leaky_0.2_elu_mse", [layer_spec("leaky_relu", slope=0.2), layer_spec("elu"), layer_spec("identity")], "mse", {}),
    ("gelu_silu_bce", [layer_spec("gelu"), layer_spec("silu"), layer_spec("sigmoid")], "bce", {}),
    ("softplus_sigmoid_mse", [layer_spec("softplus"), layer_spec("sigmoid")], "mse", {}),
    ("elu_1.5_softplus_beta2_mse", [layer_spec("elu", elu_alpha=1.5), layer_spec("softplus", softplus_beta=2.0, softplus_threshold=10.0)], "mse", {}),
    ("single_sigmoid_bce", [layer_spec("sigmoid")], "bce", {}),
    ("prelu_both_leaky_default_mse", [layer_spec("prelu"), layer_spec("leaky_relu"), layer_spec("prelu")], "mse", {0: ("per_unit", None), 2: ("shared", 0.1)}),
    ("silu_gelu_mse", [layer_spec("silu"), layer_spec("gelu")], "mse", {}),
    ("huge_logits_bce", [layer_spec("tanh"), layer_spec("sigmoid")], "bce", {}),
    ("mish_gelu_tanh_mse", [layer_spec("mish"), layer_spec("gelu_tanh"), layer_spec("identity")], "mse", {}),
    # Cross-entropy on a softmax output of k classes: targets are class indices (one column).
    ("prelu_leaky_softmax_cross_entropy", [layer_spec("prelu"), layer_spec("leaky_relu", slope=0.1), layer_spec("softmax")],
     "cross_entropy", {0: ("per_unit", None)}),
    ("tanh_softmax_cross_entropy", [layer_spec("tanh"), layer_spec("softmax")], "cross_entropy", {}),
    ("huge_logits_cross_entropy", [layer_spec("tanh"), layer_spec("softmax")], "cross_entropy", {}),
]


def tensor_list(t):
    return t.detach().tolist()


def generate_mlp():
    shapes = random.Random(7)
    values = torch.Generator().manual_seed(11)
    cases = []
    for name, activations, loss, prelu in MLP_CASES:
        input_size = shapes.randint(1, 4)
        batch = shapes.randint(1, 5)
        huge = name.startswith("huge")
        layers, params = [], []
        fan_in = input_size
        for index, spec in enumerate(activations):
            last = index == len(activations) - 1
            units = 1 if last and loss == "bce" and shapes.random() < 0.5 else shapes.randint(1, 6)
            if last and loss == "cross_entropy":
                units = shapes.randint(2, 8)
            if huge:
                units = 3 if not last else (4 if loss == "cross_entropy" else 2)
            scale = 50.0 if huge else 1.0 / math.sqrt(fan_in)
            weights = torch.randn(units, fan_in, generator=values) * scale
            if huge:
                weights = torch.sign(weights) * (40.0 + 20.0 * torch.rand(units, fan_in, generator=values))
            biases = torch.randn(units, generator=values) * (5.0 if huge else 0.3)
            layer = {"units": units, "activation": spec, "weights": tensor_list(weights), "biases": tensor_list(biases)}
            alpha = None
            if spec["kind"] == "prelu":
                mode, start = prelu[index]
                if mode == "shared":
                    alpha = torch.tensor([start])
                else:
                    alpha = 0.05 + 0.4 * torch.rand(units, generator=values)
                layer["alpha_mode"] = mode
                layer["alpha"] = tensor_list(alpha)
            layers.append(layer)
            params.append((weights.clone().requires_grad_(), biases.clone().requires_grad_(),
                           None if alpha is None else alpha.clone().requires_grad_()))
            fan_in = units
        inputs = torch.randn(batch, input_size, generator=values) * (2.0 if huge else 1.0)
        out_units = layers[-1]["units"]
        if loss == "bce":
            targets = torch.rand(batch, out_units, generator=values)
            targets[0] = torch.round(targets[0])  # hard labels and soft ones
        elif loss == "cross_entropy":
            targets = torch.randint(0, out_units, (batch, 1), generator=values).to(torch.float64)
        else:
            targets = torch.randn(batch, out_units, generator=values)

        x = inputs.clone().requires_grad_()
        current = x
        pre_activations, activations_out = [], []
        for spec, (w, b, a) in zip(activations, params):
            z = current @ w.T + b
            z.retain_grad()
            y = apply_activation(spec, z, a)
            y.retain_grad()
            pre_activations.append(z)
            activations_out.append(y)
            current = y
        if loss == "mse":
            value = F.mse_loss(current, targets, reduction="mean")
        elif loss == "cross_entropy":
            assert activations[-1]["kind"] == "softmax"
            value = F.cross_entropy(pre_activations[-1], targets[:, 0].long(), reduction="mean")
        else:
            assert activations[-1]["kind"] == "sigmoid"
            value = F.binary_cross_entropy_with_logits(pre_activations[-1], targets, reduction="mean")
        value.backward()
        assert math.isfinite(value.item())

        expected_layers = []
        for (w, b, a), z, y in zip(params, pre_activations, activations_out):
            entry = {
                "pre_activations": tensor_list(z),
                "activations": tensor_list(y),
                "grad_weights": tensor_list(w.grad),
                "grad_biases": tensor_list(b.grad),
                "grad_alpha": [] if a is None else tensor_list(a.grad),
                "grad_pre_activations": tensor_list(z.grad),
            }
            expected_layers.append(entry)
        cases.append({
            "name": name,
            "input_size": input_size,
            "loss": loss,
            "layers": layers,
            "inputs": tensor_list(inputs),
            "targets": tensor_list(targets),
            "expected": {
                "loss": value.item(),
                "outputs": tensor_list(activations_out[-1]),
                "layers": expected_layers,
                "grad_inputs": tensor_list(x.grad),
            },
        })
    return {"description": "MLP forward and backward from PyTorch autograd, float64, loss reduction 'mean'. "
                           "bce = BCEWithLogitsLoss on the last layer's pre-activation; cross_entropy = "
                           "CrossEntropyLoss on the softmax layer's pre-activations (the logits), targets = class indices.",
            "cases": cases}


# ---------------------------------------------------------------------------------------------
# Optimisers: three steps of torch.optim on a fixed batch.

OPTIMISERS = {
    "sgd": lambda groups, lr: torch.optim.SGD(groups, lr=lr),
    "momentum": lambda groups, lr: torch.optim.SGD(groups, lr=lr, momentum=0.9),
    "adagrad": lambda groups, lr: torch.optim.Adagrad(groups, lr=lr),
    "rmsprop": lambda groups, lr: torch.optim.RMSprop(groups, lr=lr, alpha=0.99),
    "adam": lambda groups, lr: torch.optim.Adam(groups, lr=lr),
}


def generate_optimisers():
    values = torch.Generator().manual_seed(2015)
    inputs = torch.randn(4, 2, generator=values)
    targets = torch.rand(4, 1, generator=values)
    networks = {
        "tanh_sigmoid": [layer_spec("tanh"), layer_spec("sigmoid")],
        "prelu_sigmoid": [layer_spec("prelu"), layer_spec("sigmoid")],
    }
    starts = {}
    for key in networks:
        w1 = torch.randn(3, 2, generator=values) * 0.8
        b1 = torch.randn(3, generator=values) * 0.5
        if key == "prelu_sigmoid":
            b1 = torch.tensor([-0.4, 0.3, -0.6])  # some negative pre-activations, so α learns
        w2 = torch.randn(1, 3, generator=values) * 0.8
        b2 = torch.randn(1, generator=values) * 0.2
        alpha = torch.tensor([0.25, 0.2, 0.3]) if key == "prelu_sigmoid" else None
        starts[key] = [(w1, b1, alpha), (w2, b2, None)]

    plan = [(key, opt, wd) for key in ["tanh_sigmoid"] for opt in OPTIMISERS for wd in [0.0, 0.01]]
    plan += [("prelu_sigmoid", opt, 0.01) for opt in OPTIMISERS]
    cases = []
    for key, optimiser_name, weight_decay in plan:
        activations = networks[key]
        params = [(w.clone().requires_grad_(), b.clone().requires_grad_(),
                   None if a is None else a.clone().requires_grad_()) for (w, b, a) in starts[key]]
        decayed = [t for (w, b, _) in params for t in (w, b)]
        alphas = [a for (_, _, a) in params if a is not None]
        groups = [{"params": decayed, "weight_decay": weight_decay}]
        if alphas:
            groups.append({"params": alphas, "weight_decay": 0.0})  # ActLab: α never decays
        optimiser = OPTIMISERS[optimiser_name](groups, 0.1)

        def snapshot():
            return [{"weights": tensor_list(w), "biases": tensor_list(b), "alpha": [] if a is None else tensor_list(a)}
                    for (w, b, a) in params]

        initial = snapshot()
        layers = []
        for spec, layer in zip(activations, initial):
            entry = {"units": len(layer["biases"]), "activation": spec, "weights": layer["weights"],
                     "biases": layer["biases"]}
            if spec["kind"] == "prelu":
                entry["alpha_mode"] = "per_unit"
                entry["alpha"] = layer["alpha"]
            layers.append(entry)
        steps = []
        for _ in range(3):
            optimiser.zero_grad()
            current = inputs
            for spec, (w, b, a) in zip(activations, params):
                current = apply_activation(spec, current @ w.T + b, a)
            loss = F.mse_loss(current, targets)
            loss.backward()
            optimiser.step()
            steps.append({"loss_before": loss.item(), "layers": snapshot()})
        cases.append({
            "name": f"{key}_{optimiser_name}_wd{weight_decay}",
            "optimiser": optimiser_name,
            "learning_rate": 0.1,
            "weight_decay": weight_decay,
            "input_size": 2,
            "loss": "mse",
            "layers": layers,
            "inputs": tensor_list(inputs),
            "targets": tensor_list(targets),
            "steps": steps,
        })
    return {"description": "Parameters after each of 3 torch.optim steps (lr 0.1, default constants; "
                           "RMSprop alpha 0.99). Weight decay on weights and biases only, never on PReLU alpha.",
            "cases": cases}


def write(name, data):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"{name}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    write("activations.json", generate_activations())
    write("mlp.json", generate_mlp())
    write("optimisers.json", generate_optimisers())
