// The WebAssembly face of the engine: Embind bindings only. They translate, they do not compute.
// Errors come back as a status flag plus message, and web/engine/actlab.js throws the JS Error;
// nothing throws across the wasm boundary, so no C++ object is ever leaked by an unwinding JS throw.
#include <unistd.h>

#include <emscripten/bind.h>
#include <string>

#include "protocol/protocol.hpp"

namespace {

struct Outcome {
    bool ok = true;
    std::string text;  // the response, or the error message
};
Outcome last;

// Evaluates one request; the caller reads the result with last_ok() / take_text().
void evaluate(const std::string& request) {
    try {
        last = {true, actlab::protocol::evaluate_text(request)};
    } catch (const std::bad_alloc&) {
        last = {false, "out of memory while evaluating the request"};
    } catch (const std::exception& e) {
        last = {false, e.what()};
    }
}

bool last_ok() { return last.ok; }

std::string take_text() {
    std::string text;
    text.swap(last.text);  // release the buffer: a big response should not stay resident
    return text;
}

// The top of malloc's heap (the program break): it rises if the engine leaks. For the heap-growth test.
std::size_t heap_top() { return reinterpret_cast<std::uintptr_t>(sbrk(0)); }

}  // namespace

EMSCRIPTEN_BINDINGS(actlab) {
    emscripten::function("evaluate", &evaluate);
    emscripten::function("lastOk", &last_ok);
    emscripten::function("takeText", &take_text);
    emscripten::function("heapTop", &heap_top);
}
