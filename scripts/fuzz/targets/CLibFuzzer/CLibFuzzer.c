// The declaration in include/CLibFuzzer.h is all this module provides; -sanitize=fuzzer links the
// definition (compiler-rt's libFuzzer).
#include "CLibFuzzer.h"
