# The Embind module: the same engine and protocol sources, compiled by Emscripten.
# Output: web/engine/generated/actlab-core.js (an ES module factory) and actlab-core.wasm.
# bench/run.mjs builds size/speed variants of the module elsewhere through ACTLAB_WASM_OUTPUT_DIR.
set(ACTLAB_WASM_OUTPUT_DIR ${CMAKE_SOURCE_DIR}/web/engine/generated CACHE PATH "Where actlab-core.{js,wasm} are written")
add_executable(actlab_wasm ${CMAKE_SOURCE_DIR}/cpp/bindings/bindings.cpp)
target_link_libraries(actlab_wasm PRIVATE actlab_protocol)
set_target_properties(actlab_wasm PROPERTIES
  OUTPUT_NAME actlab-core
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${ACTLAB_WASM_OUTPUT_DIR})
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
  -sMALLOC=emmalloc          # a smaller allocator than dlmalloc (measured no slower here)
  -sTEXTDECODER=2            # every target has TextDecoder: drop the JS fallback
  -sSUPPORT_LONGJMP=0        # nothing uses setjmp
  -sINCOMING_MODULE_JS_API=wasmBinary,locateFile,instantiateWasm
  --extern-pre-js=${CMAKE_SOURCE_DIR}/cpp/bindings/node-shim.js)

# Size versus speed (measured in bench/README.md): the engine stays at the build type's -O3, where
# its loops are vectorised (-Oz there makes training about 4x slower; -Oz on some engine files
# slows the others too, through the shared copies of inline functions); the JSON protocol and the
# bindings, most of the bytes, are compiled for size. The link keeps -O3: wasm-opt at -Oz would
# save 6 KB gzip, but it changed last bits of results, so native/wasm parity would no longer hold.
option(ACTLAB_WASM_SIZE "Compile the JSON protocol and the bindings with -Oz" ON)
if(ACTLAB_WASM_SIZE AND CMAKE_BUILD_TYPE STREQUAL "Release")
  target_compile_options(actlab_protocol PRIVATE -Oz)
  target_compile_options(actlab_wasm PRIVATE -Oz)
endif()
set_property(TARGET actlab_wasm APPEND PROPERTY LINK_DEPENDS ${CMAKE_SOURCE_DIR}/cpp/bindings/node-shim.js)
