import type { CiLint } from './types.js'

interface LintResponse {
  valid?: boolean
  status?: string
  errors?: unknown[]
  warnings?: unknown[]
  message?: unknown
  error?: unknown
}

/**
 * `POST /api/v4/projects/:id/ci/lint` (with `CI_PROJECT_ID`) or `POST /api/v4/ci/lint`, authenticated with
 * `CI_LINT_TOKEN` or `GITLAB_TOKEN`. Undefined when the environment names no instance or token.
 */
export function createCiLint(env: Record<string, string | undefined>, fetchImpl = fetch): CiLint | undefined {
  const server = env.CI_SERVER_URL?.replace(/\/+$/, '')
  const token = env.CI_LINT_TOKEN || env.GITLAB_TOKEN
  if (!server || !token) return undefined
  const url = env.CI_PROJECT_ID
    ? `${server}/api/v4/projects/${encodeURIComponent(env.CI_PROJECT_ID)}/ci/lint`
    : `${server}/api/v4/ci/lint`
  return async (yaml) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'private-token': token },
      body: JSON.stringify({ content: yaml }),
    })
    const text = await response.text()
    let body: LintResponse = {}
    try {
      body = JSON.parse(text) as LintResponse
    } catch {
      // Not JSON: reported below with the status.
    }
    if (!response.ok) {
      const detail = String(body.message ?? body.error ?? text.slice(0, 200))
      return { errors: [`CI Lint API answered ${response.status} at ${url}: ${detail}`], warnings: [] }
    }
    return {
      errors: (body.errors ?? []).map(String),
      warnings: (body.warnings ?? []).map(String),
    }
  }
}
