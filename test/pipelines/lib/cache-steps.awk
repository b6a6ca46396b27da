# A builder's own account of which Dockerfile steps it served from cache, read from its build log:
#   awk -v builder=buildkit|buildah|kaniko -f cache-steps.awk LOG
# prints one line per layer-producing step (RUN, COPY, ADD), in the log's order: `cached<TAB>INSTRUCTION` or
# `built<TAB>INSTRUCTION`. The `.verify:cache-hit` job and the local suite (test/e2e/lib/cache-report.ts) both
# read logs with this file. Portable awk (busybox, mawk, gawk): no intervals, no gawk functions.
#
# - BuildKit plain progress (buildx, buildctl): `#N [stage i/n] RUN …` names step N; `#N CACHED` (local cache)
#   or the cached layer's download and extraction (`#N sha256:… done`, `#N extracting sha256:…`, an imported
#   registry cache) mark it cached.
# - buildah: `STEP i/n: RUN …` starts a step; `--> Using cache …` after it marks it cached.
# - kaniko: each step is announced as `INFO[…] RUN …`; the cached ones were listed before as
#   `Using caching version of cmd: RUN …`.
# Lines may carry a prefix (job name, timestamp) and colour codes, which are ignored.
BEGIN {
  esc = sprintf("%c", 27)
  if (builder != "buildkit" && builder != "buildah" && builder != "kaniko") {
    print "cache-steps.awk: builder must be buildkit, buildah or kaniko, not '" builder "'" > "/dev/stderr"
    failed = 1
    exit 2
  }
}

function trim(s) { sub(/^[ \t\r]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
function layer_step(s) { s = toupper(substr(s, 1, 4)); return s == "RUN " || s == "COPY" || s == "ADD " }
function step_id(s) { sub(/^#/, "", s); sub(/ .*/, "", s); return s }

{ gsub(esc "\\[[0-9;]*m", "") }

builder == "buildkit" {
  if (match($0, /#[0-9]+ \[[^]]*[0-9]+\/[0-9]+\] /)) {
    id = step_id(substr($0, RSTART, RLENGTH))
    if (!(id in name)) { name[id] = trim(substr($0, RSTART + RLENGTH)); order[++steps] = id }
  }
  if (match($0, /#[0-9]+ (CACHED[ \t\r]*$|extracting sha256:|sha256:[0-9a-f]+ )/))
    hit[step_id(substr($0, RSTART, RLENGTH))] = 1
}

builder == "buildah" {
  if (match($0, /STEP [0-9]+\/[0-9]+: /)) {
    order[++steps] = steps
    name[steps] = trim(substr($0, RSTART + RLENGTH))
  } else if (steps && $0 ~ /--> Using cache /) hit[steps] = 1
}

builder == "kaniko" {
  if (match($0, /Using caching version of cmd: /)) cached_cmd[trim(substr($0, RSTART + RLENGTH))] = 1
  line = trim($0)
  sub(/^INFO\[[0-9]+\][ \t]+/, "", line)
  if (line ~ /^(RUN|COPY|ADD) /) { order[++steps] = steps; name[steps] = line }
}

END {
  if (failed) exit 2
  for (i = 1; i <= steps; i++) {
    id = order[i]
    if (!layer_step(name[id])) continue
    cached = builder == "kaniko" ? (name[id] in cached_cmd) : (id in hit)
    printf "%s\t%s\n", cached ? "cached" : "built", name[id]
  }
}
