import type { Rule } from '../context.js'
import { catalogComponentCount } from './catalog-component-count.js'
import { catalogComponentName } from './catalog-component-name.js'
import { catalogDescription } from './catalog-description.js'
import { catalogFileUnreadable } from './catalog-file-unreadable.js'
import { catalogReadme } from './catalog-readme.js'
import { catalogTemplateLayout } from './catalog-template-layout.js'
import { catalogYamlExtension } from './catalog-yaml-extension.js'
import { ciSchema } from './ci-schema.js'
import { docsDrift } from './docs-drift.js'
import { foldedCommandIndent } from './folded-command-indent.js'
import { globalKeyword } from './global-keyword.js'
import { headerInvalid } from './header-invalid.js'
import { imageNotInput } from './image-not-input.js'
import { imageUnpinned } from './image-unpinned.js'
import { inputDefaultInvalid } from './input-default-invalid.js'
import { inputRegexInvalid } from './input-regex-invalid.js'
import { inputUndeclared } from './input-undeclared.js'
import { inputUndescribed } from './input-undescribed.js'
import { inputUntyped } from './input-untyped.js'
import { inputUnused } from './input-unused.js'
import { jobNameNotInput } from './job-name-not-input.js'
import { metaInvalid } from './meta-invalid.js'
import { renderDefaults } from './render-defaults.js'
import { renderScenario } from './render-scenario.js'
import { secretEchoed } from './secret-echoed.js'
import { secretOnCommandLine } from './secret-on-command-line.js'
import { shellInjection } from './shell-injection.js'
import { shellcheck } from './shellcheck.js'
import { stageNotInput } from './stage-not-input.js'

/** Every rule, run in this order. shellcheck comes first so its process runs while the others compute. */
export const rules: Record<string, Rule> = {
  shellcheck,
  'header-invalid': headerInvalid,
  'render-defaults': renderDefaults,
  'render-scenario': renderScenario,
  'ci-schema': ciSchema,
  'catalog-file-unreadable': catalogFileUnreadable,
  'catalog-readme': catalogReadme,
  'catalog-description': catalogDescription,
  'catalog-component-count': catalogComponentCount,
  'catalog-component-name': catalogComponentName,
  'catalog-yaml-extension': catalogYamlExtension,
  'catalog-template-layout': catalogTemplateLayout,
  'meta-invalid': metaInvalid,
  'input-undescribed': inputUndescribed,
  'input-untyped': inputUntyped,
  'input-default-invalid': inputDefaultInvalid,
  'input-regex-invalid': inputRegexInvalid,
  'input-unused': inputUnused,
  'input-undeclared': inputUndeclared,
  'job-name-not-input': jobNameNotInput,
  'stage-not-input': stageNotInput,
  'image-not-input': imageNotInput,
  'image-unpinned': imageUnpinned,
  'global-keyword': globalKeyword,
  'shell-injection': shellInjection,
  'secret-on-command-line': secretOnCommandLine,
  'secret-echoed': secretEchoed,
  'folded-command-indent': foldedCommandIndent,
  'docs-drift': docsDrift,
}

export const ruleIds = Object.keys(rules)
