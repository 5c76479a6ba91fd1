export { EngineHandle, DEFAULT_BATCH_ROWS, type EngineDatabase, type ExplainResult, type PingResult } from './engine-handle.js';
export { jvmRuntime, runNativeScript, validateStatements, type JvmRuntime, type NativeScript, type StatementToValidate, type StatementValidation } from './tools.js';
export { startJvm, jvmStarted, runningClasspath, JVM_OPTIONS } from './jvm.js';
export { buildClasspath, JARS_DIR, HELPER_JAR, type Classpath } from './classpath.js';
export { toFerryError } from './java-error.js';
export { CopyHandle, type CopyRequest, type CopyPlan, type CopyResult, type CopyProgress } from './copy-handle.js';
