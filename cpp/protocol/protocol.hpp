#pragma once
// The one protocol of ActLab: a JSON request in, a JSON response out (docs/protocol.md).
// The CLI and the WebAssembly bindings both call these; neither computes anything itself.
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"

namespace actlab::protocol {

// Throws ProtocolError with a message naming the field for any bad request.
json evaluate(const json& request);

// The same on text: also reports malformed or too deeply nested JSON as a ProtocolError.
std::string evaluate_text(std::string_view request);

// An activation's value f(z) and local derivative f'(z) at each point: a "curve" request whose points
// arrive as numbers rather than JSON (the WebAssembly API's typed-array path; the same checks and
// the same arithmetic as {"curve": …}). `spec` is the curve object without "points".
struct Curve {
    std::vector<double> values;
    std::vector<double> derivatives;
    double peak_derivative;
};
Curve curve(const json& spec, const std::vector<double>& points);

}  // namespace actlab::protocol
