# The Embind module: the same engine and protocol sources, compiled by Emscripten.
# Output: web/engine/generated/actlab-core.js (an ES module factory) and actlab-core.wasm.
add_executable(actlab_wasm ${CMAKE_SOURCE_DIR}/cpp/bindings/bindings.cpp)
target_link_libraries(actlab_wasm PRIVATE actlab_protocol)
set_target_properties(actlab_wasm PROPERTIES
  OUTPUT_NAME actlab-core
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_SOURCE_DIR}/web/engine/generated)
target_link_options(actlab_wasm PRIVATE
  --bind
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sEXPORT_NAME=createActLabCore
  -sENVIRONMENT=web,worker,node
  -sALLOW_MEMORY_GROWTH=1
  -sMAXIMUM_MEMORY=2GB
  -sDYNAMIC_EXECUTION=0      # no eval/new Function: the page's CSP forbids them
  -sFILESYSTEM=0
  -sINCOMING_MODULE_JS_API=wasmBinary,locateFile,instantiateWasm
  --extern-pre-js=${CMAKE_SOURCE_DIR}/cpp/bindings/node-shim.js)
set_property(TARGET actlab_wasm APPEND PROPERTY LINK_DEPENDS ${CMAKE_SOURCE_DIR}/cpp/bindings/node-shim.js)
