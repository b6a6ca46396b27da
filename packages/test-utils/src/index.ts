export { copyFixture } from './copy-fixture.js'
export { type GitDir, gitdir } from './gitdir.js'
export { type MemoryIo, memoryIo } from './memory-io.js'
export { testdir } from './testdir.js'
