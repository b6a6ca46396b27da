# A builder's own account of which Dockerfile steps it served from cache, read from its build log:
#   awk -v builder=buildkit|buildah|kaniko -f cache-steps.awk LOG
# prints one line per layer-producing step (RUN, COPY, ADD), in the log's order: `cached<TAB>INSTRUCTION` or
# `built<TAB>INSTRUCTION`. The `.verify:cache-hit` job and the local suite (test/e2e/lib/cache-report.ts) both
# read logs with this file. Portable awk (busybox, mawk, gawk): no intervals, no gawk functions.
#
# - BuildKit plain progress (buildx, buildctl): `#N [stage i/n] RUN …` names step N; `#N CACHED` (local cache)
#   or the cached layer's download and extraction (`#N sha256:… done`, `#N extracting sha256:…`, an imported
#   registry cache) mark it cached.
# - buildah: `[k/m] STEP i/n: RUN …` starts a step, `--> <image id>` ends it, `--> Using cache …` before that marks
#   it cached. A `COPY --from` may start a stage that has not been built yet: that stage's steps run inside it, and
#   its own `Using cache` comes after them, so open steps are kept as a stack.
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
    step_text = trim(substr($0, RSTART + RLENGTH))
    stage = match($0, /\[[0-9]+\/[0-9]+\] STEP /) ? substr($0, RSTART, RLENGTH) : ""
    # A step that prints no result line (a FROM that is not its stage's last step) ends at its stage's next step.
    if (open && open_stage[open] == stage) open--
    order[++steps] = steps
    name[steps] = step_text
    open_step[++open] = steps
    open_stage[open] = stage
  } else if (open && $0 ~ /--> Using cache /) hit[open_step[open]] = 1
  else if (open && $0 ~ /--> [0-9a-f]+[ \t\r]*$/) open--
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
