// The C++ tests' one assertion: counts checks, prints the first failure to stderr and exits 1.
#pragma once

#include <cstdio>
#include <cstdlib>

inline int& CheckCount() {
  static int checks = 0;
  return checks;
}

#define CHECK(cond)                                                          \
  do {                                                                       \
    ++CheckCount();                                                          \
    if (!(cond)) {                                                           \
      std::fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      std::exit(1);                                                          \
    }                                                                        \
  } while (0)
