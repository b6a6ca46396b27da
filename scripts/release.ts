// Releases the catalog from its changesets: locally in one step, or in CI through a release merge request.
// Every decision (which version, whether a release may proceed, whether HEAD is a merged release commit) is made by
// `catalog release` (@catalog/bump planRelease); this script only runs the steps in order and pushes.
//
// Usage:
//   npx tsx scripts/release.ts [--dry-run]   local: print the plan, then commit CHANGELOG.md and tag (no push)
//   npx tsx scripts/release.ts merge-request [--dry-run]
//       CI, default branch: when changesets are pending, rebuild the `release/next` branch as HEAD plus the release
//       commit (`catalog release --prepare`) and force-push it; writes release-mr.env (RELEASE_PENDING,
//       RELEASE_VERSION) and release-mr.md (the merge request description) for the `glab` job.
//   npx tsx scripts/release.ts tag [--dry-run]
//       CI, default branch: when HEAD is a merged release commit, create its annotated tag and push the tag.
//   npx tsx scripts/release.ts notes <tag>   print the tag's CHANGELOG.md section (the GitLab release notes)
// Needs: git; for pushes, CATALOG_RELEASE_TOKEN (a project access token with write_repository), CI_SERVER_URL and
// CI_PROJECT_PATH. The token reaches git through a credential helper reading the environment: never in argv or logs.
// Leaves behind: the release commit and tag (local mode), release-mr.env and release-mr.md (merge-request mode).
// Runs the CLI in-process: `tsx --conditions=@catalog/source` uses the sources, plain `tsx` the build (`npm ci`).
import { writeFileSync } from 'node:fs'
import { type Io, main } from '@catalog/cli'
import { changelogSection } from '@catalog/versions'
import { $, argv, echo } from 'zx'

const flags = argv as { _: string[]; 'dry-run'?: boolean }
const [mode = 'local', ...rest] = flags._
const dryRun = flags['dry-run'] === true
const BRANCH = 'release/next'

interface Plan {
  ok: boolean
  action: 'release' | 'tag' | 'none'
  version: string | null
  changelogSection: string
  refusals: { code: string; message: string }[]
}

/** `catalog <args>`, in-process; output goes to this process unless `capture`. */
async function catalog(args: string[], capture = false): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const io: Io = {
    stdout: (text) => {
      if (capture) stdout += text
      else process.stdout.write(text)
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: !capture && Boolean(process.stdout.isTTY),
  }
  const code = await main(args, io)
  return { code, stdout }
}

async function plan(): Promise<Plan> {
  const { code, stdout } = await catalog(['release', '--dry-run', '--json'], true)
  if (stdout.trim() === '') process.exit(code || 1)
  return JSON.parse(stdout) as Plan
}

function refuse(current: Plan): never {
  echo('catalog release refused:')
  for (const refusal of current.refusals) echo(`  - ${refusal.message.replace(/\n/g, '\n    ')}`)
  process.exit(1)
}

/** Pushes `refspec` to the project with CATALOG_RELEASE_TOKEN, handed to git by a credential helper. */
async function push(refspec: string, force = false): Promise<void> {
  const { CATALOG_RELEASE_TOKEN, CI_SERVER_URL, CI_PROJECT_PATH } = process.env
  if (!CATALOG_RELEASE_TOKEN || !CI_SERVER_URL || !CI_PROJECT_PATH) {
    echo('CATALOG_RELEASE_TOKEN, CI_SERVER_URL and CI_PROJECT_PATH must be set to push')
    process.exit(1)
  }
  // The helper reads the token from the environment when git asks; the shell variable is expanded by git's shell.
  const helper = '!f() { echo username=oauth2; echo "password=$CATALOG_RELEASE_TOKEN"; }; f'
  const url = `${CI_SERVER_URL}/${CI_PROJECT_PATH}.git`
  await $({
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  })`git -c credential.helper= -c ${`credential.helper=${helper}`} push ${force ? ['--force'] : []} --end-of-options ${url} ${refspec}`
}

switch (mode) {
  case 'local': {
    const preview = await catalog(['release', '--dry-run'])
    if (preview.code !== 0 || dryRun) process.exit(preview.code)
    process.exit((await catalog(['release'])).code)
    break
  }
  case 'merge-request': {
    const current = await plan()
    const pending = current.action === 'release'
    if (pending && !current.ok) refuse(current)
    const writeEnv = () =>
      writeFileSync(
        'release-mr.env',
        `RELEASE_PENDING=${pending}\nRELEASE_VERSION=${pending ? current.version : ''}\nRELEASE_BRANCH=${BRANCH}\n`,
      )
    if (!pending) {
      writeEnv()
      echo(`No release to prepare (${current.refusals[0]?.message ?? current.action}).`)
      break
    }
    if (dryRun) {
      echo(`Would rebuild ${BRANCH} with the release commit for ${current.version} and force-push it.`)
      break
    }
    await $`git checkout -B ${BRANCH}`
    const prepared = await catalog(['release', '--prepare'])
    if (prepared.code !== 0) process.exit(prepared.code)
    await push(`HEAD:refs/heads/${BRANCH}`, true)
    echo(`Pushed ${BRANCH}: release commit for ${current.version}.`)
    // Written after the release commit: `catalog release` refuses a tree with untracked files.
    writeEnv()
    writeFileSync(
      'release-mr.md',
      `Merging this merge request releases catalog version **${current.version}**: the pipeline on the default ` +
        `branch then creates the annotated tag ${current.version}, and the tag pipeline publishes it to the ` +
        `CI/CD Catalog.\n\nThis branch is rebuilt from the pending changesets on every default-branch ` +
        `pipeline; do not push to it.\n\n${current.changelogSection}`,
    )
    break
  }
  case 'tag': {
    const current = await plan()
    if (current.action !== 'tag') {
      echo(`Nothing to tag (${current.refusals[0]?.message ?? `pending release: ${current.version}`}).`)
      break
    }
    if (!current.ok) refuse(current)
    if (dryRun) {
      echo(`Would create and push the annotated tag ${current.version}.`)
      break
    }
    const tagged = await catalog(['release'])
    if (tagged.code !== 0) process.exit(tagged.code)
    await push(`refs/tags/${current.version}`)
    echo(`Pushed tag ${current.version}: its pipeline publishes the catalog version.`)
    break
  }
  case 'notes': {
    const tag = rest[0]
    if (!tag) {
      echo('usage: release.ts notes <tag>')
      process.exit(2)
    }
    const shown = await $`git show --end-of-options ${`${tag}:CHANGELOG.md`}`.quiet().nothrow()
    if (shown.exitCode !== 0) {
      echo(`cannot read CHANGELOG.md at ${tag}: ${shown.stderr.trim().split('\n')[0]}`)
      process.exit(1)
    }
    const body = changelogSection(shown.stdout, tag)?.body ?? null
    if (body === null) {
      echo(`CHANGELOG.md at ${tag} has no section for ${tag}`)
      process.exit(1)
    }
    process.stdout.write(`${body}\n`)
    break
  }
  default:
    echo(`unknown mode ${mode}: expected merge-request, tag, notes or none (local release)`)
    process.exit(2)
}
