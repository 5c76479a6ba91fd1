export { EngineHandle, DEFAULT_BATCH_ROWS, type EngineDatabase } from './engine-handle.js';
export { jvmRuntime, runNativeScript, validateStatements } from './tools.js';
export { startJvm, jvmStarted, runningClasspath, JVM_OPTIONS } from './jvm.js';
export { buildClasspath, JARS_DIR, HELPER_JAR, type Classpath } from './classpath.js';
export { toFerryError } from './java-error.js';
export { CopyHandle } from './copy-handle.js';
export { verifyTable } from './verify-handle.js';
export type * as Wire from './contract.gen.js';
export { copyRequestDefaults, verifyRequestDefaults, CopyMode as CopyModeSchema } from './contract.gen.js';
