// The WebAssembly face of the engine: Embind bindings only. They translate, they do not compute.
// Errors come back as a status flag plus message, and web/engine/actlab.js throws the JS Error;
// nothing throws across the wasm boundary, so no C++ object is leaked by an unwinding JS throw.
#include <unistd.h>

#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <optional>
#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "protocol/training_session.hpp"

namespace {

using emscripten::val;
using actlab::protocol::json;

struct Outcome {
    bool ok = true;
    std::string text;  // a JSON answer, or the error message
};
Outcome last;

// Runs `work`, recording success or the exception's message for lastOk() / takeText();
// returns `fallback` on failure.
template <typename Work, typename Result = decltype(std::declval<Work>()())>
Result guarded(Work work, Result fallback = Result{}) {
    last = {true, {}};
    try {
        return work();
    } catch (const std::bad_alloc&) {
        last = {false, "out of memory"};
    } catch (const std::exception& e) {
        last = {false, e.what()};
    }
    return fallback;
}

void evaluate(const std::string& request) {
    guarded([&] {
        last.text = actlab::protocol::evaluate_text(request);
        return 0;
    });
}

bool last_ok() { return last.ok; }

std::string take_text() {
    std::string text;
    text.swap(last.text);  // release the buffer: a big response should not stay resident
    return text;
}

// An activation's values and derivatives at many points: the points come in as a Float64Array (one copy)
// and go out as views of the last curve's memory, which the JS side copies once (actlab.js curve()).
actlab::protocol::Curve last_curve;

val curve(const std::string& spec, const val& points) {
    return guarded([&] {
        last_curve = actlab::protocol::curve(actlab::protocol::parse_json(spec, "curve"),
                                             emscripten::convertJSArrayToNumberVector<double>(points));
        val result = val::object();
        result.set("values", val(emscripten::typed_memory_view(last_curve.values.size(), last_curve.values.data())));
        result.set("derivatives",
                   val(emscripten::typed_memory_view(last_curve.derivatives.size(), last_curve.derivatives.data())));
        result.set("peak_derivative", last_curve.peak_derivative);
        return result;
    }, val::undefined());
}

// The top of malloc's heap (the program break): it rises if the engine leaks. For the heap-growth test.
std::size_t heap_top() { return reinterpret_cast<std::uintptr_t>(sbrk(0)); }

// One TrainingSession for JavaScript. Arrays arrive as Float64Arrays (one copy into wasm memory) with
// the width of their rows (0 when the caller passed them flat); the session checks their shape.
// Predictions and held examples go out as views of wasm memory that the JS side copies once.
class Session {
public:
    bool open(const std::string& spec) {
        return guarded([&] {
            session_.emplace(actlab::protocol::parse_json(spec, "spec"));
            return true;
        });
    }
    void set_training_data(const val& inputs, std::size_t input_width, const val& targets, std::size_t target_width) {
        guarded([&] {
            const std::vector<double> x = numbers(inputs), y = numbers(targets);
            session_->set_training_data(rows(x, input_width), rows(y, target_width));
            return 0;
        });
    }
    double train(std::size_t steps, std::size_t batch_size) {
        return guarded([&] { return session_->train(steps, batch_size); });
    }
    void measure(const val& inputs, std::size_t input_width, const val& targets, std::size_t target_width,
                 const std::string& options) {
        guarded([&] {
            const std::vector<double> x = numbers(inputs), y = numbers(targets);
            last.text = session_->measure(rows(x, input_width), rows(y, target_width), parse_options(options)).dump();
            return 0;
        });
    }
    void measure_held(const std::string& set, const std::string& options) {
        guarded([&] {
            last.text = session_->measure(set, parse_options(options)).dump();
            return 0;
        });
    }
    val predict(const val& inputs, std::size_t input_width) {
        return guarded([&] {
            const std::vector<double> x = numbers(inputs);
            return view(session_->predict(rows(x, input_width)));
        }, val::undefined());
    }
    val predict_held(const std::string& set) {
        return guarded([&] { return view(session_->predict(set)); }, val::undefined());
    }
    // part: "inputs" or "targets" of a held set ("training" or "test").
    val held(const std::string& set, const std::string& part) {
        return guarded([&] {
            return view(part == "inputs" ? session_->held_inputs(set) : session_->held_targets(set));
        }, val::undefined());
    }
    double steps_taken() const { return static_cast<double>(session_->steps_taken()); }
    void parameters() {
        guarded([&] {
            last.text = session_->parameters().dump();
            return 0;
        });
    }

private:
    static std::vector<double> numbers(const val& typed_array) {
        return emscripten::convertJSArrayToNumberVector<double>(typed_array);
    }
    static actlab::protocol::Rows rows(const std::vector<double>& values, std::size_t width) {
        return {values.data(), values.size(), width};
    }
    static json parse_options(const std::string& options) { return actlab::protocol::parse_json(options, "options"); }
    static val view(const actlab::Matrix& m) { return val(emscripten::typed_memory_view(m.values.size(), m.values.data())); }
    std::optional<actlab::protocol::TrainingSession> session_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(actlab) {
    emscripten::function("evaluate", &evaluate);
    emscripten::function("lastOk", &last_ok);
    emscripten::function("takeText", &take_text);
    emscripten::function("heapTop", &heap_top);
    emscripten::function("curve", &curve);
    emscripten::class_<Session>("Session")
        .constructor<>()
        .function("open", &Session::open)
        .function("setTrainingData", &Session::set_training_data)
        .function("train", &Session::train)
        .function("measure", &Session::measure)
        .function("measureHeld", &Session::measure_held)
        .function("predict", &Session::predict)
        .function("predictHeld", &Session::predict_held)
        .function("held", &Session::held)
        .function("stepsTaken", &Session::steps_taken)
        .function("parameters", &Session::parameters);
}
