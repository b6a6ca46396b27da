# catalog-lib: the shell functions every component of this catalog uses (lib/catalog-lib.sh, copied into each
# template by `npm run sync-lib`; a test fails when a copy differs). POSIX sh and utilities every default image
# has (busybox, Alpine, Fedora, distroless debug): no printenv, no eval.
fail() { printf 'ERROR: %s\n' "$1" >&2; exit 1; }
# env_value NAME: the value of the environment variable an input names (awk's ENVIRON: printenv is not POSIX);
# says why and returns 1 when NAME is not a name or not set, so callers write `env_value X || exit 1`.
env_value() {
  case $1 in ''|[!A-Za-z_]*|*[!A-Za-z0-9_]*) printf "ERROR: '%s' is not a variable name\n" "$1" >&2; return 1 ;; esac
  awk -v name="$1" 'BEGIN { if (!(name in ENVIRON)) exit 1; printf "%s", ENVIRON[name] }' ||
    { printf 'ERROR: variable %s is not set\n' "$1" >&2; return 1; }
}
# expand_item TEXT: $NAME, ${NAME} and $$ in one list item, as GitLab Runner expands variable values. Array inputs
# reach the job unexpanded (expand: false), so a variable's value can never split one item into two.
expand_item() {
  _ei_text=$1 awk 'BEGIN {
    s = ENVIRON["_ei_text"]; out = ""
    while (length(s) > 0) {
      i = index(s, "$"); if (i == 0) { out = out s; break }
      out = out substr(s, 1, i - 1); s = substr(s, i + 1)
      if (substr(s, 1, 1) == "$") { out = out "$"; s = substr(s, 2) }
      else if (match(s, /^[{][A-Za-z_][A-Za-z0-9_]*[}]/)) { out = out ENVIRON[substr(s, 2, RLENGTH - 2)]; s = substr(s, RLENGTH + 1) }
      else if (match(s, /^[A-Za-z_][A-Za-z0-9_]*/)) { out = out ENVIRON[substr(s, 1, RLENGTH)]; s = substr(s, RLENGTH + 1) }
      else out = out "$"
    }
    printf "%sx", out
  }'
}
# Array inputs reach the job as text: Ruby inspect on GitLab (["a", "b"]), JSON in gitlab-ci-local (["a","b"]).
# list_init/list_next turn it into one item per call in $_item, each expanded with expand_item; anything
# unexpected fails the job instead of being guessed.
list_fail() { fail "input $_ln: $1"; }
list_init() {
  _ln=$1; _lr=$2; _lsep=
  _lr=${_lr#"${_lr%%[! ]*}"}
  case $_lr in '['*) _lr=${_lr#?} ;; *) list_fail 'expected a list such as ["a", "b"]' ;; esac
}
list_next() {
  _lr=${_lr#"${_lr%%[! ]*}"}
  case $_lr in
    ']'*) _lr=${_lr#?}; case $_lr in *[!\ ]*) list_fail "unexpected text after the list" ;; esac; return 1 ;;
  esac
  if [ -n "$_lsep" ]; then
    case $_lr in ','*) _lr=${_lr#?}; _lr=${_lr#"${_lr%%[! ]*}"} ;; *) list_fail "expected , or ]" ;; esac
  fi
  _lsep=1
  case $_lr in
    '"'*)
      _lr=${_lr#?}; _item=
      while :; do
        _lc=${_lr%%[\"\\]*}
        [ "$_lc" != "$_lr" ] || list_fail "unterminated string"
        _item=$_item$_lc; _lr=${_lr#"$_lc"}
        # GitLab renders a list with Ruby's inspect and then String#gsub, which turns inspect's \\ back into
        # one backslash: \" and \# are escapes, \\ (JSON) is a backslash, \n and the like may have been a
        # control character and are refused, a backslash before anything else is itself.
        case $_lr in
          '"'*) _lr=${_lr#?}; break ;;
          '\"'*) _item=$_item'"'; _lr=${_lr#??} ;;
          '\#'*) _item=$_item'#'; _lr=${_lr#??} ;;
          \\\\*) _item=$_item"\\"; _lr=${_lr#??} ;;
          \\[ntrvfabeux0-7]*) list_fail "backslash sequences such as \\n are not supported in items (GitLab renders a control character and a backslash the same way)" ;;
          *) _item=$_item"\\"; _lr=${_lr#?} ;;
        esac
      done ;;
    [A-Za-z0-9._+-]*)
      _item=${_lr%%[!A-Za-z0-9._+-]*}; _lr=${_lr#"$_item"}
      case $_item in nil|null) list_fail "null items are not allowed" ;; esac ;;
    *) list_fail "expected a quoted string" ;;
  esac
  _item=$(expand_item "$_item") || exit 1
  _item=${_item%x}
  return 0
}
slugify() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | sed 's/[^a-z0-9]/-/g' | cut -c1-63 | sed 's/^-*//; s/-*$//'; }
check_tag() {
  case $1 in ''|[!A-Za-z0-9_]*|*[!A-Za-z0-9_.-]*) fail "invalid image tag '$1' (allowed: [A-Za-z0-9_][A-Za-z0-9_.-]*)" ;; esac
  [ "${#1}" -le 128 ] || fail "image tag '$1' is longer than 128 characters"
}
check_repo() {
  case $2 in ''|*[!a-z0-9._/:-]*|*//*|/*|*/) fail "$1 '$2' is not a repository reference such as registry.example.com/group/image" ;; esac
  case ${2##*/} in *:*) fail "$1 '$2' must not carry a tag; use extra_tags" ;; esac
}
# without_credentials URL: the URL with any user:password@ removed, for logs.
without_credentials() { printf '%s' "$1" | sed 's#^\([A-Za-z][A-Za-z0-9+.-]*://\)[^/@]*@#\1#'; }
# One native platform per build job (the builders' `platform` input), merged into one index by the manifest
# component: the per-platform image never takes the pipeline's tags (they name the index), so extra_tags and a
# multi-platform `platforms` are refused, and `platform_tag` is its only, optional, tag.
check_platform_build() {
  [ -z "${CONTAINER_BUILD_PLATFORMS:-}" ] || fail "platform and platforms exclude each other: platform builds one native platform for the manifest component to merge, platforms builds several in this job"
  list_init extra_tags "${CONTAINER_BUILD_EXTRA_TAGS:-[]}"
  if list_next; then fail "extra_tags cannot be used with platform: the per-platform image is pushed by digest; give the tags to the manifest job, or one per-platform tag in platform_tag"; fi
  if [ -n "${CONTAINER_BUILD_PLATFORM_TAG:-}" ]; then check_tag "$CONTAINER_BUILD_PLATFORM_TAG"; fi
}
# image_report DIGEST REPOSITORY TAG: the dotenv report (image.env) later jobs read, with every name prefixed by
# output_prefix (AMD64_IMAGE_DIGEST, …) and, for a one-platform build, <prefix>IMAGE_PLATFORM.
image_report() {
  case $1 in sha256:????????????????????????????????????????????????????????????????) ;; *) fail "no image digest to report ('$1')" ;; esac
  _ir_prefix=${CONTAINER_BUILD_OUTPUT_PREFIX:-}
  case $_ir_prefix in ''|[A-Za-z_]*_) ;; *) fail "output_prefix '$_ir_prefix' is not a variable name prefix ending in _ such as AMD64_" ;; esac
  case $_ir_prefix in *[!A-Za-z0-9_]*) fail "output_prefix '$_ir_prefix' is not a variable name prefix ending in _ such as AMD64_" ;; esac
  {
    printf '%sIMAGE_DIGEST=%s\n%sIMAGE_REF=%s@%s\n%sIMAGE_TAG=%s\n' "$_ir_prefix" "$1" "$_ir_prefix" "$2" "$1" "$_ir_prefix" "$3"
    if [ -n "${CONTAINER_BUILD_PLATFORM:-}" ]; then printf '%sIMAGE_PLATFORM=%s\n' "$_ir_prefix" "$CONTAINER_BUILD_PLATFORM"; fi
  } > image.env
  cat image.env
}
# The pipeline's own tag: the Git tag, latest on the default branch, the ref slug elsewhere.
pipeline_tag() {
  if [ -n "${CI_COMMIT_TAG:-}" ]; then printf '%s' "$CI_COMMIT_TAG"
  elif [ -n "${CI_COMMIT_BRANCH:-}" ] && [ "$CI_COMMIT_BRANCH" = "${CI_DEFAULT_BRANCH:-}" ]; then printf latest
  else printf '%s' "${CI_COMMIT_REF_SLUG:-$(slugify "${CI_COMMIT_REF_NAME:-}")}"; fi
}
# registry_auths: sets $auths to the Docker config `auths` members for the registry login (registry, registry_user,
# the variable registry_password_variable names) and GitLab's dependency proxy; empty when there is no login.
# The password goes from the environment into base64 without ever reaching argv or the log.
registry_auths() {
  auths=
  if [ -n "$CONTAINER_BUILD_REGISTRY_USER" ]; then
    check_host "$CONTAINER_BUILD_REGISTRY"
    _ra_password=$(env_value "$CONTAINER_BUILD_REGISTRY_PASSWORD_VARIABLE") || exit 1
    auths=$(auth_entry "$CONTAINER_BUILD_REGISTRY" "$CONTAINER_BUILD_REGISTRY_USER" "$_ra_password")
    unset _ra_password
  fi
  if [ -n "${CI_DEPENDENCY_PROXY_SERVER:-}" ] && [ -n "${CI_DEPENDENCY_PROXY_USER:-}" ] && [ -n "${CI_DEPENDENCY_PROXY_PASSWORD:-}" ]; then
    # The dependency proxy is addressed without its port (gitlab.com:443 -> gitlab.com).
    _ra_proxy_host=${CI_DEPENDENCY_PROXY_SERVER%%:*}
    check_host "$_ra_proxy_host"
    if [ "$_ra_proxy_host" != "$CONTAINER_BUILD_REGISTRY" ]; then
      auths="${auths:+$auths,}$(auth_entry "$_ra_proxy_host" "$CI_DEPENDENCY_PROXY_USER" "${CI_DEPENDENCY_PROXY_PASSWORD:-}")"
    fi
  fi
}
auth_entry() {
  printf '"%s":{"auth":"%s"}' "$1" "$(printf '%s:%s' "$2" "$3" | base64 | tr -d '\n')"
}
check_host() { case $1 in ''|*[!A-Za-z0-9.:_-]*) fail "invalid registry host '$1'" ;; esac; }
# write_docker_config FROM TO: the Docker config FROM (may be missing) with $auths merged in, written to TO (mode
# 0600, through TO.new, so FROM may be TO). Merged, so what FROM sets (credHelpers for ECR, GCR, ACR, a credsStore)
# stays, and an entry in $auths replaces one for the same registry.
write_docker_config() {
  (umask 077; if [ -s "$1" ]; then merge_auths "$auths" < "$1"; else printf '{"auths":{%s}}\n' "$auths"; fi > "$2.new")
  mv "$2.new" "$2"
}
merge_auths() {
  awk -v AUTHS="$1" 'BEGIN { RS = "\001" }
    {
      s = $0; n = length(s); depth = 0; instr = 0; esc = 0; key = ""; k0 = 0; want = 0; ob = 0; cb = 0; top = 0
      for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (instr) {
          if (esc) esc = 0
          else if (c == "\\") esc = 1
          else if (c == "\"") { instr = 0; if (depth == 1) key = substr(s, k0 + 1, i - k0 - 1) }
          continue
        }
        if (c == "\"") { instr = 1; k0 = i; continue }
        if (c == "{" || c == "[") { depth++; if (depth == 1 && c == "{" && !top) top = i; if (depth == 2 && c == "{" && want) { ob = i; want = 0 }; continue }
        if (c == "}" || c == "]") { if (depth == 2 && ob && !cb) cb = i; depth--; continue }
        if (c == ":" && depth == 1) { want = (key == "auths"); key = "" }
        if (c == "," && depth == 1) want = 0
      }
      if (!top) { printf "{\"auths\":{%s}}\n", AUTHS; exit }
      if (ob && cb) printf "%s%s%s%s", substr(s, 1, cb - 1), (substr(s, ob + 1, cb - ob - 1) ~ /[^ \t\r\n]/) ? "," : "", AUTHS, substr(s, cb)
      else printf "%s\"auths\":{%s}%s%s", substr(s, 1, top), AUTHS, (substr(s, top + 1) ~ /^[ \t\r\n]*}/) ? "" : ",", substr(s, top + 1)
    }
    END { if (NR == 0) printf "{\"auths\":{%s}}\n", AUTHS }'
}
# start_build_log: when build_log names a file (CONTAINER_BUILD_LOG), makes it empty and its path absolute, so
# run_logged can append to it from any directory. The file is a job artifact: it must stay inside the project.
start_build_log() {
  [ -n "${CONTAINER_BUILD_LOG:-}" ] || return 0
  case /$CONTAINER_BUILD_LOG/ in //*|*/../*|*/./*|*//*) fail "build_log '$CONTAINER_BUILD_LOG' is not a relative path inside the project directory" ;; esac
  case $CONTAINER_BUILD_LOG in */*) mkdir -p "${CONTAINER_BUILD_LOG%/*}" ;; esac
  : > "$CONTAINER_BUILD_LOG" || fail "cannot write build_log '$CONTAINER_BUILD_LOG'"
  CONTAINER_BUILD_LOG=$PWD/$CONTAINER_BUILD_LOG
}
# run_logged COMMAND [ARG...]: runs COMMAND with its output in the job log and, after start_build_log, appended to
# the build_log file as well (stderr with stdout); returns COMMAND's status, which a pipe into tee would lose. The
# status comes back on fd 3 (no temporary file: the kaniko image has no /tmp); fd 4 is the job log.
run_logged() {
  if [ -z "${CONTAINER_BUILD_LOG:-}" ]; then "$@"; return; fi
  exec 4>&1
  _rl_code=$({ { "$@" 3>&- 4>&- 2>&1 && echo 0 >&3 || echo "$?" >&3; } | tee -a "$CONTAINER_BUILD_LOG" >&4; } 3>&1)
  exec 4>&-
  return "${_rl_code:-1}"
}
