#!/usr/bin/env node
// Cross-builds with mingw-w64 (posix threads, -shared -static) into build-win/:
//   lun_studio.node        the addon: every source of native/binding.gyp, including its OS=="win" block
//   test_vds_service.node  the test VDS service (test/windows/test-vds-service) over the sim model
//   vtable_slots_test.exe  the vtable slot / IID check
//   layout_check.exe       sizes, offsets, enum values, slots, IIDs: ours vs widl's header vs mingw-w64's vds.h
//                          and vdslun.h vs VDS-NOTES.md (test/windows/layout)
//   gen/lun_vds.h, gen/lun_vds_{i,p}.c, gen/dlldata.c   widl's output for native/src/vds/lun_vds.idl
//   lun_vds_ps.dll         the proxy/stub DLL built from it (registered in the Wine prefix for the
//                          cross-process leg)
// Defines and sources come from binding.gyp so this build matches what node-gyp does on Windows.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'build-win');
const objDir = path.join(out, 'obj');
const CXX = 'x86_64-w64-mingw32-g++-posix';
const DLLTOOL = 'x86_64-w64-mingw32-dlltool';
const CC = 'x86_64-w64-mingw32-gcc-posix';
const WIDL = 'x86_64-w64-mingw32-widl';
// Debian's mingw-w64 ships no unknwn.idl / oaidl.idl to import; libwine-dev does.
const WINE_IDL_DIR = '/usr/include/wine/wine/windows';
const IDL = path.join(root, 'native', 'src', 'vds', 'lun_vds.idl');

// widl: the header, the IIDs, the fully interpreted proxies (-Oif) and the dlldata; then the proxy DLL.
function buildProxyDll() {
  const gen = genDir;
  fs.mkdirSync(gen, { recursive: true });
  const dll = path.join(out, 'lun_vds_ps.dll');
  const inputs = [
    IDL,
    ...['lun_vds_ps.c', 'lun_vds_ps.def'].map((f) => path.join(root, 'test', 'windows', 'proxy', f)),
  ];
  const newest = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(dll) && fs.statSync(dll).mtimeMs > newest) return;
  if (!fs.existsSync(path.join(WINE_IDL_DIR, 'unknwn.idl'))) {
    throw new Error(`${WINE_IDL_DIR}/unknwn.idl is missing: apt-get install libwine-dev`);
  }
  const widl = ['-m64', `-I${WINE_IDL_DIR}`];
  execFileSync(
    WIDL,
    [
      ...widl,
      '-Oif',
      '-h',
      '-H',
      path.join(gen, 'lun_vds.h'),
      '-u',
      '-U',
      path.join(gen, 'lun_vds_i.c'),
      '-p',
      '-P',
      path.join(gen, 'lun_vds_p.c'),
      IDL,
    ],
    { stdio: 'inherit' },
  );
  execFileSync(WIDL, [...widl, '--dlldata-only', `--dlldata=${path.join(gen, 'dlldata.c')}`, IDL], {
    stdio: 'inherit',
  });
  execFileSync(
    CC,
    [
      '-O2',
      '-shared',
      '-DREGISTER_PROXY_DLL',
      `-I${gen}`,
      '-o',
      dll,
      path.join(root, 'test', 'windows', 'proxy', 'lun_vds_ps.c'),
      path.join(gen, 'lun_vds_i.c'),
      path.join(gen, 'dlldata.c'),
      path.join(root, 'test', 'windows', 'proxy', 'lun_vds_ps.def'),
      '-lrpcrt4',
      '-lole32',
      '-loleaut32',
      '-luuid',
    ],
    { stdio: 'inherit' },
  );
}

function readGyp() {
  const text = fs.readFileSync(path.join(root, 'native', 'binding.gyp'), 'utf8');
  const json = text.replace(/^\s*#.*$/gm, '').replace(/,(\s*[}\]])/g, '$1');
  const target = JSON.parse(json).targets[0];
  const sources = [...target.sources];
  const defines = [...target.defines];
  for (const [condition, block] of target.conditions ?? []) {
    if (condition.replace(/\s/g, '') !== 'OS=="win"') continue;
    sources.push(...(block.sources ?? []));
    defines.push(...(block.defines ?? []));
  }
  return { sources: sources.map((s) => path.join(root, 'native', s)), defines };
}

function newestMtime(dir, exts) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, exts));
    else if (exts.some((e) => entry.name.endsWith(e))) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const includes = [
  path.join(root, 'node_modules', 'node-api-headers', 'include'),
  path.dirname(require.resolve('node-addon-api/napi.h', { paths: [root] })),
];
const genDir = path.join(out, 'gen');
includes.push(genDir); // widl's lun_vds.h, for the layout check
let headersMtime = 0; // set once widl has run: its header counts too
function setHeadersMtime() {
  headersMtime = Math.max(
    newestMtime(path.join(root, 'native', 'src'), ['.h']),
    newestMtime(path.join(root, 'test', 'windows'), ['.h']),
    newestMtime(genDir, ['.h']),
  );
}

function objectFor(source) {
  return path.join(objDir, path.relative(root, source).replace(/[\\/]/g, '__').replace(/\.cc$/, '.o'));
}

function compile(source, defines) {
  const object = objectFor(source);
  if (fs.existsSync(object)) {
    const built = fs.statSync(object).mtimeMs;
    if (built > fs.statSync(source).mtimeMs && built > headersMtime) return Promise.resolve(object);
  }
  const args = [
    '-std=c++17',
    '-O2',
    '-Wall',
    '-fexceptions',
    '-frtti',
    '-c',
    source,
    '-o',
    object,
    ...defines.map((d) => `-D${d}`),
    ...includes.map((i) => `-I${i}`),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(CXX, args, { stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve(object) : reject(new Error(`compile failed: ${source}`)),
    );
  });
}

async function compileAll(sources, defines, jobs = 2) {
  const queue = [...sources];
  const objects = [];
  const workers = Array.from({ length: jobs }, async () => {
    while (queue.length) {
      const source = queue.shift();
      objects.push(await compile(source, defines));
    }
  });
  await Promise.all(workers);
  return sources.map(objectFor);
}

function link(output, objects, libs) {
  execFileSync(CXX, ['-shared', '-static', '-o', output, ...objects, `-L${out}`, ...libs], {
    stdio: 'inherit',
  });
}

async function main() {
  fs.mkdirSync(objDir, { recursive: true });
  const importLib = path.join(out, 'libnode_api.a');
  if (!fs.existsSync(importLib)) {
    const def = path.join(root, 'node_modules', 'node-api-headers', 'def', 'node_api.def');
    execFileSync(DLLTOOL, ['-d', def, '-l', importLib, '--dllname', 'node.exe'], { stdio: 'inherit' });
  }
  buildProxyDll();
  setHeadersMtime();
  const gyp = readGyp();
  const defines = [...gyp.defines, '_WIN32_WINNT=0x0A00'];
  const napiLibs = ['-lnode_api', '-lole32', '-loleaut32', '-luuid'];

  const addonObjects = await compileAll(gyp.sources, defines);
  link(path.join(out, 'lun_studio.node'), addonObjects, napiLibs);

  const shared = ['hresult_table.cc', 'js_convert.cc', 'js_errors.cc'].map((f) =>
    path.join(root, 'native', 'src', f),
  );
  const simSources = gyp.sources.filter((s) => s.includes(`${path.sep}sim${path.sep}`));
  const serviceDir = path.join(root, 'test', 'windows', 'test-vds-service');
  const serviceSources = [
    ...fs
      .readdirSync(serviceDir)
      .filter((f) => f.endsWith('.cc'))
      .map((f) => path.join(serviceDir, f)),
    ...shared,
    ...simSources,
    path.join(root, 'native', 'src', 'vds', 'vds_convert.cc'),
  ];
  const serviceObjects = await compileAll([...new Set(serviceSources)], defines);
  link(path.join(out, 'test_vds_service.node'), serviceObjects, napiLibs);

  const vtableObjects = await compileAll(
    [path.join(root, 'test', 'windows', 'vtable_slots_test.cc')],
    defines,
  );
  execFileSync(CXX, ['-static', '-o', path.join(out, 'vtable_slots_test.exe'), ...vtableObjects], {
    stdio: 'inherit',
  });
  const layoutDir = path.join(root, 'test', 'windows', 'layout');
  const layoutObjects = await compileAll(
    ['layout_check.cc', 'layout_ours.cc', 'layout_widl.cc', 'layout_mingw.cc', 'layout_mingw_vdslun.cc'].map(
      (f) => path.join(layoutDir, f),
    ),
    defines,
  );
  execFileSync(CXX, ['-static', '-o', path.join(out, 'layout_check.exe'), ...layoutObjects], {
    stdio: 'inherit',
  });
  console.log(
    'build-win: lun_studio.node, test_vds_service.node, vtable_slots_test.exe, layout_check.exe, lun_vds_ps.dll',
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
