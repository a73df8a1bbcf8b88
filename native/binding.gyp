{
  "targets": [
    {
      "target_name": "lun_studio",
      "sources": [
        "src/addon.cc",
        "src/all_drives_worker.cc",
        "src/hresult_table.cc",
        "src/js_convert.cc",
        "src/js_errors.cc",
        "src/operation_binding.cc",
        "src/poller.cc",
        "src/progress_hub.cc",
        "src/provider_binding.cc",
        "src/provider_factory.cc",
        "src/task_worker.cc",
        "src/sim/extent_map.cc",
        "src/sim/extents.cc",
        "src/sim/guid.cc",
        "src/sim/health.cc",
        "src/sim/identification.cc",
        "src/sim/layout.cc",
        "src/sim/model.cc",
        "src/sim/planner.cc",
        "src/sim/repair.cc",
        "src/sim/resize.cc",
        "src/sim/sim_provider.cc",
        "src/sim/unmasking.cc",
        "src/sim/validate_state.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      # NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS: a progress or completion callback that runs while a worker
      # thread's environment is terminating gets a C++ exception (caught) instead of a fatal error.
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-frtti"],
      # Hardening (the addon runs in an elevated process): stack protector and fortified libc calls on macOS
      # too; -U first so a toolchain's own _FORTIFY_SOURCE default does not clash (the ASan build undefines it
      # again: fortified wrappers hide accesses from ASan's interceptors).
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "GCC_ENABLE_CPP_RTTI": "YES",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "OTHER_CFLAGS": ["-fstack-protector-strong", "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=2"],
        "OTHER_CPLUSPLUSFLAGS": ["-fstack-protector-strong", "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=2"]
      },
      # MSVC: Control Flow Guard, SDL checks, Spectre variant 1 mitigation; the linker marks the DLL CFG-,
      # ASLR-, DEP- and CET-shadow-stack-compatible (/CETCOMPAT needs VS 2019 16.7+, as Node 20 does).
      "msvs_settings": {
        "VCCLCompilerTool": {
          "ExceptionHandling": 1,
          "RuntimeTypeInfo": "true",
          "BufferSecurityCheck": "true",
          "AdditionalOptions": ["/std:c++17", "/guard:cf", "/sdl", "/Qspectre"]
        },
        "VCLinkerTool": { "AdditionalOptions": ["/guard:cf", "/DYNAMICBASE", "/NXCOMPAT", "/CETCOMPAT"] }
      },
      "conditions": [
        [
          "OS==\"linux\"",
          {
            # Hardening: stack protector, fortified libc calls (node-gyp builds Release with -O3), full RELRO
            # (GOT read-only after load: -z relro -z now), a non-executable stack.
            "cflags": ["-fstack-protector-strong", "-U_FORTIFY_SOURCE", "-D_FORTIFY_SOURCE=2"],
            # Never unload: the poller and waiter threads outlive a worker_threads environment (see addon.cc).
            "ldflags": ["-Wl,-z,nodelete", "-Wl,-z,relro,-z,now", "-Wl,-z,noexecstack"]
          }
        ],
        [
          "OS==\"win\"",
          {
            # Engineer W: the Windows VDS backend (src/vds/*.cc). Sources go here; sim is always built.
            "sources": [
              "src/vds/vds_convert.cc",
              "src/vds/vds_async_operation.cc",
              "src/vds/vds_create_lun.cc",
              "src/vds/vds_enum.cc",
              "src/vds/vds_lun_lifecycle.cc",
              "src/vds/vds_lun_repair.cc",
              "src/vds/vds_extents.cc",
              "src/vds/vds_drive_maintenance.cc",
              "src/vds/vds_provider.cc",
              "src/vds/vds_session.cc"
            ],
            "defines": ["WIN32_LEAN_AND_MEAN", "NOMINMAX", "_WIN32_WINNT=0x0A00"],
            "libraries": ["ole32.lib", "oleaut32.lib"]
          }
        ]
      ]
    }
  ]
}
