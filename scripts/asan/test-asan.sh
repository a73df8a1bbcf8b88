#!/usr/bin/env bash
# npm run test:asan — the native suites (test/native: raw addon, facade, C++ model test) and the robustness
# suites that drive the addon hardest (addon fuzzing, fault matrix, 256 concurrent creations) against an
# AddressSanitizer + UndefinedBehaviorSanitizer build of the addon.
#
# The addon is built in a separate tree ($LUN_ASAN_ROOT, default /tmp/lun-studio-asan): a copy of the sources
# (node_modules linked), so native/build of the work tree is never touched and the tests' package-root lookup
# (native/lib/load-addon.ts) finds the sanitized lun_studio.node there. Node itself is not instrumented, so
# libasan is preloaded; detect_leaks=0 because LeakSanitizer would report V8's and Node's own process-lifetime
# allocations (and the intentionally leaked poller singleton), none of them from the addon's code paths.
# Any ASan or UBSan report aborts the process (halt_on_error / -fno-sanitize-recover) and fails the run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ASAN_ROOT="${LUN_ASAN_ROOT:-/tmp/lun-studio-asan}"
LIBASAN="$(g++ -print-file-name=libasan.so)"
LIBUBSAN="$(g++ -print-file-name=libubsan.so)"
SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

echo "=== copying sources to $ASAN_ROOT"
rm -rf "$ASAN_ROOT" && mkdir -p "$ASAN_ROOT"
tar -C "$ROOT" -cf - \
  --exclude=./node_modules --exclude=./.git --exclude=./native/build --exclude=./out --exclude=./dist \
  --exclude=./test-results --exclude=./release --exclude=./build-win . | tar -C "$ASAN_ROOT" -xf -
ln -sfn "$ROOT/node_modules" "$ASAN_ROOT/node_modules"

echo "=== building the addon with $SANITIZE"
(
  cd "$ASAN_ROOT"
  CXXFLAGS="$SANITIZE -O1 -g -U_FORTIFY_SOURCE" CFLAGS="$SANITIZE -O1 -g -U_FORTIFY_SOURCE" LDFLAGS="$SANITIZE" \
    npx node-gyp rebuild --directory=native --jobs=2 >"$ASAN_ROOT/asan-build.log" 2>&1 ||
    { cat "$ASAN_ROOT/asan-build.log"; exit 1; }
)
if ! nm -D "$ASAN_ROOT/native/build/Release/lun_studio.node" | grep -c __asan_init >/dev/null; then
  echo "test:asan: the addon was built without AddressSanitizer" >&2
  exit 1
fi

echo "=== sanitizer self-check (a seeded heap overflow and signed overflow must be caught)"
SELF="$ASAN_ROOT/sanitizer-self-check"
printf '%s\n' '#include <climits>' '#include <cstdlib>' \
  'int main(int argc, char**) {' \
  '  if (argc > 1) { int* p = new int[2]; int v = p[argc]; delete[] p; return v; }' \
  '  int i = INT_MAX; i += argc; return i > 0 ? 0 : 1; }' \
  >"$SELF.cc"
"$ROOT/scripts/asan/g++-asan" -O0 -o "$SELF" "$SELF.cc"
if "$SELF" 2>"$SELF.ubsan.log"; then echo "UBSan missed a signed overflow" >&2; exit 1; fi
grep -q "runtime error" "$SELF.ubsan.log" || { cat "$SELF.ubsan.log"; exit 1; }
if ASAN_OPTIONS=detect_leaks=0 "$SELF" x y 2>"$SELF.asan.log"; then echo "ASan missed a heap overflow" >&2; exit 1; fi
grep -q "heap-buffer-overflow" "$SELF.asan.log" || { cat "$SELF.asan.log"; exit 1; }
echo "ok: UBSan and ASan report seeded bugs"

echo "=== running test/native and the addon's robustness suites under ASan + UBSan"
cd "$ASAN_ROOT"
export LD_PRELOAD="$LIBASAN $LIBUBSAN"
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1:strict_init_order=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export CXX="$ROOT/scripts/asan/g++-asan"
npx vitest run test/native test/robustness/fuzz-addon.test.ts test/robustness/fault-matrix.test.ts \
  test/robustness/concurrency.test.ts "$@"
