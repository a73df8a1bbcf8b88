{
  "targets": [
    {
      "target_name": "lun_studio",
      "sources": [
        "src/addon.cc",
        "src/hresult_table.cc",
        "src/js_convert.cc",
        "src/js_errors.cc",
        "src/operation_binding.cc",
        "src/poller.cc",
        "src/provider_binding.cc",
        "src/provider_factory.cc",
        "src/task_worker.cc",
        "src/sim/extents.cc",
        "src/sim/guid.cc",
        "src/sim/layout.cc",
        "src/sim/model.cc",
        "src/sim/planner.cc",
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
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "GCC_ENABLE_CPP_RTTI": "YES",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17"
      },
      "msvs_settings": {
        "VCCLCompilerTool": { "ExceptionHandling": 1, "RuntimeTypeInfo": "true", "AdditionalOptions": ["/std:c++17"] }
      },
      "conditions": [
        [
          "OS==\"linux\"",
          {
            # Never unload: the poller and waiter threads outlive a worker_threads environment (see addon.cc).
            "ldflags": ["-Wl,-z,nodelete"]
          }
        ],
        [
          "OS==\"win\"",
          {
            # Engineer W: the Windows VDS backend (src/vds/*.cc). Sources go here; sim is always built.
            "sources": [
              "src/vds/vds_convert.cc",
              "src/vds/vds_create_lun.cc",
              "src/vds/vds_enum.cc",
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
