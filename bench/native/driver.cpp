// ActLab native: runs one benchmark workload through the engine, the ceiling for the wasm build.
//   actlab_bench (check|time) (w1|w2|w3) [ACTIVATION] --workloads FILE [--seconds S]
// Mirrors bench/contender.mjs: W1 and W3 through protocol::TrainingSession (what the wasm bindings
// call), W2 through the engine's activate/local_derivative (what a curve request runs, minus JSON).
// Prints one JSON object on stdout.
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "engine/activation.hpp"
#include "protocol/training_session.hpp"

namespace {

using actlab::protocol::json;
using Clock = std::chrono::steady_clock;

struct Timing {
    double ms_per_call;
    double cpu_ms_per_call;  // process CPU time: steadier than wall time on a busy machine (A/B comparisons)
    long iterations;
};

// Same protocol as timeLoop() in bench/contenders/common.mjs.
Timing time_loop(const std::function<void()>& work, int warmup, double min_seconds, long min_iterations) {
    for (int k = 0; k < warmup; ++k) work();
    long iterations = 0;
    const std::clock_t cpu_start = std::clock();
    const auto start = Clock::now();
    double elapsed_ms = 0;
    do {
        work();
        ++iterations;
        elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    } while (elapsed_ms < min_seconds * 1000 || iterations < min_iterations);
    const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    return {elapsed_ms / static_cast<double>(iterations), cpu_ms / static_cast<double>(iterations), iterations};
}

// The spec bench/contenders/actlab-wasm.mjs sends to engine.createSession().
json session_spec(const json& work, const json& layers, const char* loss) {
    json weights = json::array(), biases = json::array();
    for (const auto& l : work["layers"]) {
        weights.push_back(l["weights"]);
        biases.push_back(l["biases"]);
    }
    return {{"input_size", work["inputSize"]},
            {"layers", layers},
            {"weights", weights},
            {"biases", biases},
            {"loss", loss},
            {"optimiser", {{"optimiser", "sgd"}, {"learning_rate", work.value("learningRate", 0.01)}}},
            {"shuffle_seed", work.value("shuffleSeed", 0)}};
}

json loss_and_norms(const json& measured) {
    json norms = json::array();
    for (const auto& l : measured["layers"]) norms.push_back(l["gradient_norm"]);
    return {{"loss", measured["loss"]}, {"norms", norms}};
}

json run_w1(const json& work, const std::string& activation, bool check, double seconds) {
    json layers = json::array();
    const auto& units = work["units"];
    for (std::size_t l = 0; l < units.size(); ++l)
        layers.push_back({{"units", units[l]}, {"activation", l + 1 == units.size() ? "sigmoid" : activation}});
    actlab::protocol::TrainingSession session(session_spec(work, layers, "bce"));
    const std::vector<double> inputs = work["inputs"].get<std::vector<double>>();
    const std::vector<double> targets = work["targets"].get<std::vector<double>>();
    const actlab::protocol::Rows x{inputs.data(), inputs.size(), 0}, y{targets.data(), targets.size(), 0};
    const std::size_t batch = work["batchSize"];
    session.set_training_data(x, y);
    if (check) {
        json losses = json::array();
        for (int s = 0; s < work["checkSteps"].get<int>(); ++s) losses.push_back(session.train(1, batch));
        return {{"stepLosses", losses},
                {"final", loss_and_norms(session.measure(x, y, json::object()))}};
    }
    const int steps = 50;
    const Timing t = time_loop([&] { session.train(steps, batch); }, work["warmupSteps"].get<int>() / steps, seconds, 3);
    return {{"value", 1000.0 * steps / t.ms_per_call},
            {"cpu", 1000.0 * steps / t.cpu_ms_per_call},
            {"unit", "steps/s"},
            {"iterations", t.iterations * steps}};
}

json run_w2(const json& work, bool check, double seconds) {
    const std::size_t n = work["points"];
    const double low = work["low"], high = work["high"];
    std::vector<double> points(n);
    for (std::size_t k = 0; k < n; ++k)
        points[k] = static_cast<float>(low + ((high - low) * static_cast<double>(k)) / static_cast<double>(n - 1));
    struct Curve {
        actlab::Activation activation;
        std::vector<double> values, derivatives;
    };
    std::vector<Curve> curves;
    for (const auto& spec : work["activations"]) {
        Curve c;
        c.activation = *actlab::parse_activation(spec["activation"].get<std::string>());
        if (spec.contains("slope")) actlab::set_parameter(c.activation, "slope", spec["slope"].get<double>());
        c.values.resize(n);
        c.derivatives.resize(n);
        curves.push_back(std::move(c));
    }
    const auto sweep = [&] {
        for (Curve& c : curves)
            for (std::size_t k = 0; k < n; ++k) {
                c.values[k] = actlab::activate(c.activation, points[k]);
                c.derivatives[k] = actlab::local_derivative(c.activation, points[k], c.values[k]);
            }
    };
    if (check) {
        sweep();
        json out = json::array();
        for (std::size_t a = 0; a < curves.size(); ++a) {
            double sum_values = 0, sum_derivatives = 0;
            json sample_values = json::array(), sample_derivatives = json::array();
            for (std::size_t k = 0; k < n; ++k) {
                sum_values += curves[a].values[k];
                sum_derivatives += curves[a].derivatives[k];
                if (k % 997 == 0) {
                    sample_values.push_back(curves[a].values[k]);
                    sample_derivatives.push_back(curves[a].derivatives[k]);
                }
            }
            json entry = work["activations"][a];
            entry.update({{"sumValues", sum_values},
                          {"sumDerivatives", sum_derivatives},
                          {"sampleValues", sample_values},
                          {"sampleDerivatives", sample_derivatives}});
            out.push_back(entry);
        }
        return out;
    }
    const Timing t = time_loop(sweep, 1, seconds, 2);
    return {{"value", t.ms_per_call}, {"cpu", t.cpu_ms_per_call}, {"unit", "ms/sweep"}, {"iterations", t.iterations}};
}

json run_w3(const json& work, const std::string& activation, bool check, double seconds) {
    json layers = json::array();
    for (const auto& l : work["layers"]) layers.push_back({{"units", l["biases"].size()}, {"activation", activation}});
    actlab::protocol::TrainingSession session(session_spec(work, layers, "mse"));
    const std::vector<double> inputs = work["inputs"].get<std::vector<double>>();
    const std::vector<double> targets = work["targets"].get<std::vector<double>>();
    const actlab::protocol::Rows x{inputs.data(), inputs.size(), 0}, y{targets.data(), targets.size(), 0};
    const auto probe = [&] { return session.measure(x, y, json::object()); };
    if (check) return loss_and_norms(probe());
    const Timing t = time_loop([&] { probe(); }, 3, seconds, 3);
    return {{"value", t.ms_per_call}, {"cpu", t.cpu_ms_per_call}, {"unit", "ms/probe"}, {"iterations", t.iterations}};
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> positional;
    std::string workloads_path;
    double seconds = 1;
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], "--workloads") == 0 && k + 1 < argc)
            workloads_path = argv[++k];
        else if (std::strcmp(argv[k], "--seconds") == 0 && k + 1 < argc)
            seconds = std::stod(argv[++k]);
        else
            positional.emplace_back(argv[k]);
    }
    if (positional.size() < 2 || workloads_path.empty()) {
        std::cerr << "usage: actlab_bench (check|time) (w1|w2|w3) [ACTIVATION] --workloads FILE [--seconds S]\n";
        return 64;
    }
    std::ifstream file(workloads_path);
    const json workloads = json::parse(file);
    const bool check = positional[0] == "check";
    const std::string& workload = positional[1];
    const std::string activation = positional.size() > 2 ? positional[2] : "";
    try {
        json result;
        if (workload == "w1") result = run_w1(workloads["w1"], activation, check, seconds);
        else if (workload == "w2") result = run_w2(workloads["w2"], check, seconds);
        else if (workload == "w3") result = run_w3(workloads["w3"], activation, check, seconds);
        else throw std::invalid_argument("unknown workload " + workload);
        std::cout << result.dump() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
