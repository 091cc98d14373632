// actlab: the engine on the command line.
//   actlab eval < request.json > response.json
// One JSON request on stdin, one JSON response on stdout (docs/protocol.md).
#include <iostream>
#include <iterator>
#include <string>

#include "protocol/protocol.hpp"

namespace {
constexpr int bad_request = 2;
constexpr int usage_error = 64;

int usage() {
    std::cerr << "usage: actlab eval < request.json\n"
                 "Reads one JSON request on stdin and writes one JSON response on stdout (see docs/protocol.md).\n";
    return usage_error;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) != "eval") return usage();
    std::string request((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
        std::cerr << "error: could not read the request from stdin\n";
        return 1;
    }
    try {
        std::cout << actlab::protocol::evaluate_text(request) << '\n';
    } catch (const std::bad_alloc&) {
        std::cerr << "error: out of memory while evaluating the request\n";
        return bad_request;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return bad_request;
    }
    return 0;
}
