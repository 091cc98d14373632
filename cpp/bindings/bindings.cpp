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

// The top of malloc's heap (the program break): it rises if the engine leaks. For the heap-growth test.
std::size_t heap_top() { return reinterpret_cast<std::uintptr_t>(sbrk(0)); }

std::vector<double> numbers(const val& typed_array) {
    return emscripten::convertJSArrayToNumberVector<double>(typed_array);
}

// One TrainingSession for JavaScript. Arrays arrive as Float64Arrays (one copy into wasm memory);
// predictions go out as a view of wasm memory that the JS side copies once.
class Session {
public:
    bool open(const std::string& spec) {
        return guarded([&] {
            session_.emplace(actlab::protocol::parse_json(spec, "spec"));
            return true;
        });
    }
    void set_training_data(const val& inputs, const val& targets, std::size_t rows) {
        guarded([&] {
            session_->set_training_data(checked(inputs, rows, session_->input_size(), "inputs").data(),
                                        checked(targets, rows, session_->output_size(), "targets").data(), rows);
            return 0;
        });
    }
    double train(std::size_t steps, std::size_t batch_size) {
        return guarded([&] { return session_->train(steps, batch_size); });
    }
    void measure(const val& inputs, const val& targets, std::size_t rows, const std::string& options) {
        guarded([&] {
            last.text = session_
                            ->measure(checked(inputs, rows, session_->input_size(), "inputs").data(),
                                      checked(targets, rows, session_->output_size(), "targets").data(), rows,
                                      actlab::protocol::parse_json(options, "options"))
                            .dump();
            return 0;
        });
    }
    val predict(const val& inputs, std::size_t rows) {
        return guarded([&] {
            const actlab::Matrix& out =
                session_->predict(checked(inputs, rows, session_->input_size(), "inputs").data(), rows);
            return val(emscripten::typed_memory_view(out.values.size(), out.values.data()));
        }, val::undefined());
    }
    void parameters() {
        guarded([&] {
            last.text = session_->parameters().dump();
            return 0;
        });
    }

private:
    static std::vector<double> checked(const val& array, std::size_t rows, std::size_t cols, const char* what) {
        std::vector<double> values = numbers(array);
        if (values.size() != rows * cols)
            throw actlab::protocol::ProtocolError(std::string(what) + ": expected " + std::to_string(rows) + " × " +
                                                  std::to_string(cols) + " numbers, got " +
                                                  std::to_string(values.size()));
        return values;
    }
    std::optional<actlab::protocol::TrainingSession> session_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(actlab) {
    emscripten::function("evaluate", &evaluate);
    emscripten::function("lastOk", &last_ok);
    emscripten::function("takeText", &take_text);
    emscripten::function("heapTop", &heap_top);
    emscripten::class_<Session>("Session")
        .constructor<>()
        .function("open", &Session::open)
        .function("setTrainingData", &Session::set_training_data)
        .function("train", &Session::train)
        .function("measure", &Session::measure)
        .function("predict", &Session::predict)
        .function("parameters", &Session::parameters);
}
