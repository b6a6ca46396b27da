// The shell side of a job as GitLab Runner's docker executor runs it. The container's command is the Runner's
// shell detection (bash where the image has it, else sh, else busybox's /busybox/sh); the build script goes to
// that shell's stdin as `: | eval '…'`, so the whole script is parsed before it runs and no command can read
// the rest of the script from stdin. Each command is echoed as `$ <first line>`, errexit is on, and pipefail where
// the shell has it. Pure: no I/O.

/** GitLab Runner's `BashDetectShellScript`, run as `sh -c <this>`. */
export const DETECT_SHELL = [
  'if [ -x /usr/local/bin/bash ]; then',
  '\texec /usr/local/bin/bash ',
  'elif [ -x /usr/bin/bash ]; then',
  '\texec /usr/bin/bash ',
  'elif [ -x /bin/bash ]; then',
  '\texec /bin/bash ',
  'elif [ -x /usr/local/bin/sh ]; then',
  '\texec /usr/local/bin/sh ',
  'elif [ -x /usr/bin/sh ]; then',
  '\texec /usr/bin/sh ',
  'elif [ -x /bin/sh ]; then',
  '\texec /bin/sh ',
  'elif [ -x /busybox/sh ]; then',
  '\texec /busybox/sh ',
  'else',
  '\techo shell not found',
  '\texit 1',
  'fi',
  '',
].join('\n')

const singleQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/** `commands` (before_script + script, or after_script) as the script text for the job shell's stdin. */
export function jobScript(commands: string[], projectDir: string): string {
  const body = [
    'if set -o | grep pipefail > /dev/null; then set -o pipefail; fi; set -o errexit',
    'set +o noclobber',
    `cd ${singleQuoted(projectDir)}`,
    ...commands.flatMap((command) => {
      const first = command.split('\n')[0] ?? ''
      const shown = command.includes('\n') ? `${first} # collapsed multi-line command` : first
      return [`printf '%s\\n' ${singleQuoted(`$ ${shown}`)}`, command]
    }),
    '',
  ].join('\n')
  return `: | eval ${singleQuoted(body)}\nexit $?\n`
}
