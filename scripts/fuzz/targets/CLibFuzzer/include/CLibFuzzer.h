// libFuzzer's entry point for programs that have a main of their own (LLVM 11 and later): it
// parses libFuzzer's flags from argc/argv and calls `callback` with each input.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
