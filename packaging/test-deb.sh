#!/usr/bin/env bash
# Checks the Debian package: what it holds, that it installs, and that the editor starts from it.
#
#   packaging/test-deb.sh [--deb FILE | --build-dir DIR [--no-build]] [--work-dir DIR]
#                         [--quick] [--system] [--container]
#
#   --deb FILE       check this package (default: build one with packaging/build-deb.sh)
#   --build-dir DIR  pack this existing, built build dir with cpack (no Release rebuild);
#                    --no-build: no build step at all: cmake --install into a staging tree,
#                    cpack packs that (ctest uses this: it must not rebuild the build dir)
#   --work-dir DIR   scratch folder (default: a temp dir, removed at the end)
#   --quick          use `postline-cli new` instead of the generated demo project
#   --system         also `apt-get install` the package on THIS machine, start it, remove it (root)
#   --container      require step (a); without it (a) runs only when a runtime answers
#
# Steps, and what each one proves:
#   1. dpkg-deb --info/--contents: name, version, arch, section, Depends (from dpkg-shlibdeps plus
#      the DejaVu fonts and Mesa's drivers) and the files: both binaries, desktop entry, icons,
#      metainfo, MIME type, looks, presets. desktop-file-validate, appstreamcli validate, and the
#      MIME XML compiled by update-mime-database (glob and magic).
#   2. apt-get --simulate install ./the.deb: apt can resolve every Depends from this machine's
#      Debian 12 archive. Proves the names and versions exist; installs nothing.
#   3. (b) a throwaway dpkg root: `dpkg --root=ROOT --force-depends -i` into an empty dpkg
#      database, then ROOT/usr/bin/postline-cli and postline run from there: the file layout is
#      right, the binaries find share/postline beside them (a probe preset proves it), a project
#      is created and `postline --smoke-test PROJECT` draws a frame under Xvfb. The libraries come
#      from this (development) machine, so on its own this does NOT prove a clean install. To close
#      that gap the smoke test runs with LD_DEBUG and every shared object the editor loaded,
#      dlopened GL/Qt plugins included, must belong to a package in the Depends closure
#      (apt-cache depends --recurse, no Recommends): evidence, not proof, that Depends suffices.
#   4. (a) a debian:12 container (podman or docker): apt-get install --no-install-recommends of the
#      .deb on a clean Debian 12, postline-cli demo, postline --smoke-test under Xvfb. THIS is the
#      step that proves "installs and starts on a clean Debian 12"; it needs a container runtime
#      and the network (the image and the archive) and is reported as skipped without them.
#   5. (c) --system: a real apt install on this machine (dpkg triggers refresh the MIME and desktop
#      databases: checked), the smoke test from /usr/bin, then apt-get remove. Proves the package
#      installs and removes through apt on Debian 12, but this machine is not clean.
# Exit 0 when every step that ran passed, 1 on a failure, 77 when the tools or build are missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deb="" build="" work="" no_build=0 quick=0 system=0 container=auto failures=0 keep_work=1
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb=$(realpath "$2"); shift ;;
    --build-dir) build=$(realpath "$2"); shift ;;
    --work-dir) work=$2; shift ;;
    --no-build) no_build=1 ;;
    --quick) quick=1 ;;
    --system) system=1 ;;
    --container) container=required ;;
    -h|--help) sed -n '2,/^# Steps/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "test-deb: unknown argument $1" >&2; exit 1 ;;
  esac
  shift
done

say() { echo "test-deb: $*"; }
pass() { echo "test-deb: ok    $*"; }
fail() { echo "test-deb: FAIL  $*" >&2; failures=$((failures + 1)); }
skip_all() { echo "test-deb: SKIP: $*" >&2; exit 77; }
need() { command -v "$1" >/dev/null 2>&1; }
have_apt_lists() { need apt-cache && compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; }
unset POSTLINE_RESOURCES  # the installed tree must find its own share/postline

if [ -z "$work" ]; then work=$(mktemp -d /tmp/postline-deb.XXXXXX); keep_work=0; fi
mkdir -p "$work"; work=$(realpath "$work")
cleanup() { [ "$keep_work" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

# --- The package -------------------------------------------------------------------------------
pack_build_dir() {
  for t in cpack dpkg-deb dpkg-shlibdeps; do need "$t" || skip_all "$t is missing (packaging/install-deps.sh)"; done
  [ -x "$build/app/postline-cli" ] && [ -x "$build/app/postline" ] ||
    skip_all "$build/app/postline and postline-cli are not built"
  rm -rf "$work/cpack" "$work/stage"
  local extra=()
  if [ "$no_build" = 1 ]; then
    # cpack would first build the "preinstall" target (all of the build dir); instead install the
    # build as it is into a staging tree and let cpack pack that with the same configuration.
    cmake --install "$build" --prefix "$work/stage/usr" --strip >"$work/install.log" 2>&1 ||
      { cat "$work/install.log" >&2; echo "test-deb: cmake --install failed" >&2; exit 1; }
    extra=(-D CPACK_INSTALL_CMAKE_PROJECTS= -D "CPACK_INSTALLED_DIRECTORIES=$work/stage;.")
  fi
  (cd "$build" && cpack -G DEB -B "$work/cpack" "${extra[@]}") >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; echo "test-deb: cpack failed" >&2; exit 1; }
  deb=$(ls "$work"/cpack/postline_*.deb)
}

if [ -z "$deb" ] && [ -n "$build" ]; then pack_build_dir; fi
if [ -z "$deb" ]; then
  need dpkg-deb || skip_all "dpkg-deb is missing"
  deb=$("$root/packaging/build-deb.sh" | tail -n1)
fi
[ -f "$deb" ] || { echo "test-deb: no package at '$deb'" >&2; exit 1; }
say "package $deb ($(du -h "$deb" | cut -f1))"

# --- 1. Metadata and contents ------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
check_fields() {
  local version arch depends
  version=$(field Version) arch=$(field Architecture) depends=$(field Depends)
  [ "$(field Package)" = postline ] && pass "Package: postline" || fail "Package is '$(field Package)'"
  [ "$(field Section)" = video ] && pass "Section: video" || fail "Section is '$(field Section)'"
  [ "$arch" = "$(dpkg --print-architecture)" ] && pass "Architecture: $arch" || fail "Architecture is '$arch'"
  [ "$(basename "$deb")" = "postline_${version}_${arch}.deb" ] && pass "file name $(basename "$deb")" ||
    fail "file name $(basename "$deb") is not postline_${version}_${arch}.deb"
  [ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] && pass "Maintainer and Description" ||
    fail "Maintainer or Description is empty"
  local d
  for d in fonts-dejavu-core libgl1 libgl1-mesa-dri libxcursor1 libqt6widgets6 'libavcodec[0-9]+' libc6; do
    grep -qE "(^|, )$d( |,|$)" <<<"$depends" && pass "Depends names $d" || fail "Depends lacks $d: $depends"
  done
}

contents() { dpkg-deb --contents "$deb" | awk '{ print $6 }'; }
check_contents() {
  local list p share=./usr/share id=org.postline.Postline
  list=$(contents)
  for p in ./usr/bin/postline ./usr/bin/postline-cli "$share/applications/$id.desktop" \
           "$share/metainfo/$id.metainfo.xml" "$share/mime/packages/$id.xml" \
           "$share/icons/hicolor/scalable/apps/$id.svg" "$share/icons/hicolor/48x48/apps/$id.png" \
           "$share/icons/hicolor/128x128/apps/$id.png" "$share/icons/hicolor/256x256/apps/$id.png"; do
    grep -qxF "$p" <<<"$list" && pass "holds ${p#.}" || fail "lacks ${p#.}"
  done
  [ "$(grep -c '^./usr/share/postline/presets/.*\.json$' <<<"$list")" -ge 1 ] && pass "holds presets" || fail "no presets"
  [ "$(grep -c '^./usr/share/postline/looks/.*\.cube$' <<<"$list")" -ge 1 ] && pass "holds looks" || fail "no looks"
  local stray
  stray=$(grep -v -e '^\./$' -e '^\./usr/' <<<"$list" || true)
  [ -z "$stray" ] && pass "every file under /usr" || fail "files outside /usr: $stray"
}

check_freedesktop() {
  local x=$work/extract id=org.postline.Postline
  rm -rf "$x"; dpkg-deb -x "$deb" "$x"
  if need desktop-file-validate; then
    desktop-file-validate "$x/usr/share/applications/$id.desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
  else say "skipped desktop-file-validate (desktop-file-utils not installed)"; fi
  if need appstreamcli; then
    appstreamcli validate --no-net "$x/usr/share/metainfo/$id.metainfo.xml" >"$work/appstream.log" 2>&1 &&
      pass "appstreamcli validate" || { cat "$work/appstream.log" >&2; fail "appstreamcli validate"; }
  else say "skipped appstreamcli validate (appstream not installed)"; fi
  local size
  for size in 48 128 256; do
    file "$x/usr/share/icons/hicolor/${size}x${size}/apps/$id.png" | grep -q "PNG image data, $size x $size" &&
      pass "icon ${size}x$size" || fail "icon ${size}x$size is not a $size px PNG"
  done
  check_mime "$x/usr/share/mime/packages/$id.xml"
}

# Compiles the MIME type alone and checks its glob and its magic (the project's first member).
check_mime() {
  local m=$work/mime
  rm -rf "$m"; mkdir -p "$m/packages"; cp "$1" "$m/packages/"
  need update-mime-database || { say "skipped the MIME check (shared-mime-info not installed)"; return; }
  update-mime-database "$m" >/dev/null 2>&1 || { fail "update-mime-database refuses the MIME XML"; return; }
  grep -q ':application/x-postline-project:\*\.postline$' "$m/globs2" && pass "MIME glob *.postline" ||
    fail "MIME glob missing from globs2"
  grep -aq '"format": "postline-project"' "$m/magic" && pass "MIME magic" || fail "MIME magic missing"
}

# --- 2. apt can resolve the Depends ------------------------------------------------------------
check_apt_simulate() {
  if ! have_apt_lists; then
    say "skipped apt-get --simulate (no apt package lists: apt-get update)"; return
  fi
  if apt-get install --simulate --no-install-recommends "$deb" >"$work/apt-sim.log" 2>&1; then
    pass "apt-get --simulate install resolves every dependency ($(grep -c '^Inst ' "$work/apt-sim.log") to install here)"
  else
    cat "$work/apt-sim.log" >&2; fail "apt-get --simulate install cannot resolve the dependencies"
  fi
}

# --- 3. (b) The throwaway dpkg root ------------------------------------------------------------
install_throwaway_root() {
  local r=$work/root
  rm -rf "$r"; mkdir -p "$r/var/lib/dpkg/info" "$r/var/lib/dpkg/updates" "$r/var/lib/dpkg/triggers"
  : >"$r/var/lib/dpkg/status"; : >"$r/var/lib/dpkg/available"
  if dpkg --root="$r" --force-depends --force-not-root --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1 &&
     dpkg --root="$r" -s postline 2>/dev/null | grep -q '^Status: install ok installed'; then
    pass "dpkg --root installs into a throwaway root"
  else
    cat "$work/dpkg.log" >&2; fail "dpkg --root -i failed"; return 1
  fi
}

# Runs the editor under Xvfb (or the display the caller has), with a fresh HOME.
gui() {
  local home=$work/home
  mkdir -p "$home"
  if [ -n "${DISPLAY:-}" ]; then env HOME="$home" QT_QPA_PLATFORM=xcb "$@"
  elif need xvfb-run; then HOME="$home" QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
  else echo "no X display and no xvfb-run" >&2; return 1; fi
}

make_project() {  # $1: the postline-cli to use; prints the project path
  local dir=$work/project
  rm -rf "$dir"
  if [ "$quick" = 1 ]; then "$1" new "$dir/Packaging_Test.postline" >/dev/null && echo "$dir/Packaging_Test.postline"
  else
    "$1" demo "$dir" --quick >/dev/null || return 1
    local made=("$dir"/*.postline)
    echo "${made[0]}"
  fi
}

run_from_root() {
  local r=$work/root bin probe out project
  bin=$r/usr/bin
  out=$("$bin/postline-cli" --version) && [ "$out" = "postline-cli $(field Version)" ] &&
    pass "postline-cli --version: $out" || fail "postline-cli --version printed '$out'"
  # A preset only the installed tree has: seen only if share/postline is found beside the binary.
  probe=$r/usr/share/postline/presets/zz-packaging-probe.json
  local shipped=("$r"/usr/share/postline/presets/*.json)
  sed 's/"id": *"[^"]*"/"id": "zz-packaging-probe"/' "${shipped[0]}" >"$probe"
  out=$(POSTLINE_USER_PRESETS="$work/no-user-presets" "$bin/postline-cli" presets 2>&1 || true)
  grep -q '^zz-packaging-probe ' <<<"$out" && pass "postline-cli reads <prefix>/share/postline" ||
    fail "postline-cli does not read the installed share/postline"
  rm -f "$probe"
  out=$(gui "$bin/postline" --version 2>&1) && [[ "$out" == *"postline $(field Version)"* ]] &&
    pass "postline --version" || fail "postline --version printed '$out'"
  project=$(make_project "$bin/postline-cli") &&
    [ -f "$project" ] && pass "project from the installed postline-cli: $(basename "$project")" ||
    { fail "the installed postline-cli could not create a project"; return; }
  smoke_with_ld_debug "$bin/postline" "$project"
}

smoke_with_ld_debug() {
  local out
  rm -f "$work"/lddebug.*
  if out=$(gui env LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/lddebug" "$1" --smoke-test "$2" 2>&1) &&
     grep -q '^smoke-test: ok' <<<"$out"; then
    pass "postline --smoke-test from the throwaway root: $(grep '^smoke-test: ok' <<<"$out")"
  else
    echo "$out" >&2; fail "postline --smoke-test from the throwaway root"; return
  fi
  check_loaded_libraries
}

# Every shared object the editor loaded must come from a package in the Depends closure.
check_loaded_libraries() {
  have_apt_lists ||
    { say "skipped the dependency-closure check (no apt package lists)"; return; }
  local names closure libs lib owner c missing=""
  names=$(field Depends | sed 's/[,|]/\n/g' | sed 's/(.*)//; s/[[:space:]]//g; s/:any$//' | sort -u)
  # shellcheck disable=SC2086
  closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
              --no-replaces --no-enhances $names 2>/dev/null | sed -n 's/^<\{0,1\}\([^ >]*\)>\{0,1\}$/\1/p' |
            sed 's/:.*//' | sort -u)
  libs=$(cat "$work"/lddebug.* 2>/dev/null | sed -n 's/.*calling init: //p' | sort -u)
  [ -n "$libs" ] || { fail "LD_DEBUG recorded no libraries"; return; }
  # One dpkg -S for every spelling of every path (merged /usr: /lib and /usr/lib, symlinks).
  local owners
  owners=$(for lib in $libs; do spellings "$lib"; done | sort -u | { xargs dpkg -S 2>/dev/null || true; } |
           sed -n 's/^\([^:,]*\)\(:[^,:]*\)\{0,1\}: \(.*\)$/\3 \1/p')
  for lib in $libs; do
    owner=""
    for c in $(spellings "$lib"); do
      owner=$(awk -v f="$c" '$1 == f { print $2; exit }' <<<"$owners")
      [ -n "$owner" ] && break
    done
    [ -n "$owner" ] || { missing+=" $lib(no package)"; continue; }
    # ALSA loads these plugins only when libasound2-plugins is installed (its own alsa.conf.d).
    case "$owner" in libasound2-plugins|libspeexdsp1) continue ;; esac
    grep -qxF "$owner" <<<"$closure" || missing+=" $lib($owner)"
  done
  [ -z "$missing" ] && pass "all $(wc -w <<<"$libs") loaded libraries come from the Depends closure" ||
    fail "libraries outside the Depends closure:$missing"
}

spellings() {  # a library's path as dpkg may have recorded it
  local p=$1
  echo "$p"
  case "$p" in /usr/lib/*) echo "${p#/usr}" ;; /lib/*) echo "/usr$p" ;; esac
  realpath "$p"
}

# --- 4. (a) A clean debian:12 container ----------------------------------------------------------
container_runtime() {
  local rt
  for rt in podman docker; do
    need "$rt" && timeout 20 "$rt" info >/dev/null 2>&1 && { echo "$rt"; return 0; }
  done
  return 1
}

run_container() {
  if [ "$quick" = 1 ] && [ "$container" = auto ]; then  # ctest: never pull images or wait on a runtime
    say "skipped (a) the clean debian:12 container in --quick mode (use --container)"; return
  fi
  local rt
  if ! rt=$(container_runtime); then
    [ "$container" = required ] && fail "no working container runtime (podman/docker)" ||
      say "skipped (a) the clean debian:12 container: no working podman/docker here"
    return
  fi
  local script
  script='set -e; export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends /pkg/'"$(basename "$deb")"' xvfb xauth >/dev/null
    postline-cli --version
    postline-cli demo /tmp/demo --quick >/dev/null
    xvfb-run -a -s "-screen 0 1920x1080x24" postline --smoke-test /tmp/demo/*.postline'
  if timeout 900 "$rt" run --rm -v "$(dirname "$deb"):/pkg:ro" debian:12 bash -c "$script" >"$work/container.log" 2>&1 &&
     grep -q '^smoke-test: ok' "$work/container.log"; then
    pass "(a) installs and starts on a clean debian:12 ($rt): $(grep '^smoke-test: ok' "$work/container.log")"
  else
    tail -n 30 "$work/container.log" >&2; fail "(a) the clean debian:12 container ($rt)"
  fi
}

# --- 5. (c) --system: a real apt install on this machine -----------------------------------------
run_system() {
  [ "$(id -u)" = 0 ] || { fail "--system needs root"; return; }
  dpkg -s postline >/dev/null 2>&1 && { fail "--system: postline is already installed here; not touching it"; return; }
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
    cat "$work/apt.log" >&2; fail "(c) apt-get install"; return
  fi
  pass "(c) apt-get install ./$(basename "$deb")"
  [ "$(command -v postline)" = /usr/bin/postline ] && pass "(c) postline on PATH" || fail "(c) postline not on PATH"
  grep -q 'x-postline-project' /usr/share/mime/globs2 2>/dev/null && pass "(c) the MIME trigger registered *.postline" ||
    say "(c) MIME database not refreshed (shared-mime-info not installed?)"
  grep -q 'x-postline-project=.*org.postline.Postline.desktop' /usr/share/applications/mimeinfo.cache 2>/dev/null &&
    pass "(c) the desktop trigger associated .postline with the editor" ||
    say "(c) desktop database not refreshed (desktop-file-utils not installed?)"
  local project out
  project=$(make_project postline-cli) && [ -f "$project" ] || fail "(c) postline-cli could not create a project"
  out=$(gui postline --smoke-test "$project" 2>&1) && grep -q '^smoke-test: ok' <<<"$out" &&
    pass "(c) $(grep '^smoke-test: ok' <<<"$out")" || { echo "$out" >&2; fail "(c) postline --smoke-test"; }
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq --purge postline >/dev/null 2>&1 && ! dpkg -s postline >/dev/null 2>&1 &&
    pass "(c) apt-get remove" || fail "(c) apt-get remove"
}

# --- Run ------------------------------------------------------------------------------------------
check_fields
check_contents
check_freedesktop
check_apt_simulate
if install_throwaway_root; then run_from_root; fi
run_container
[ "$system" = 1 ] && run_system
if [ "$failures" -gt 0 ]; then
  echo "test-deb: $failures check(s) failed (work dir: $work)" >&2
  keep_work=1
  exit 1
fi
say "all checks passed"
