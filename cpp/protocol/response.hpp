#pragma once
// Writing engine results as protocol JSON (docs/protocol.md): matrices as lists of rows.
#include "engine/statistics.hpp"
#include "engine/trace.hpp"
#include "json_reader.hpp"

namespace actlab::protocol {

json to_json(const std::vector<double>& values);
json to_json(const Matrix& m);
json to_json(const TraceQuantity& q);  // a number, a list or a list of rows
json to_json(const LayerStatistics& s);
json to_json(const std::vector<LayerStatistics>& layers);
json parameters_json(const DenseLayer& layer);  // weights, biases, and alpha for PReLU
json trace_json(const Trace& trace);
// Every activation the engine knows, with its defaults: [{name, parameters: [{name, default, min?, max?,
// learned?}], peak_derivative, peak_at (null: on a whole interval), saturates, gain}].
json catalogue_json();

}  // namespace actlab::protocol
