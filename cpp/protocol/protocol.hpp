#pragma once
// The one protocol of ActLab: a JSON request in, a JSON response out (docs/protocol.md).
// The CLI and the WebAssembly bindings both call these; neither computes anything itself.
#include <string>
#include <string_view>

#include "json_reader.hpp"

namespace actlab::protocol {

// Throws ProtocolError with a message naming the field for any bad request.
json evaluate(const json& request);

// The same on text: also reports malformed or too deeply nested JSON as a ProtocolError.
std::string evaluate_text(std::string_view request);

}  // namespace actlab::protocol
