// libFuzzer target for the pack loader: raw bytes through ParseJsonText, and the same bytes as the files
// of a whole pack through LoadPack (see pack_fuzz_target.h for how an input is split into files).
// Build and run with tools/fuzz/run.sh SECONDS.
#include "pack_fuzz_target.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    sb::fuzz::RunPackFuzzInput(data, size);
    return 0;
}
