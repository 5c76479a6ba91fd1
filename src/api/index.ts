export { Ferry, engineDatabases, type OpenOptions } from './ferry.js';
export { doctor, type DoctorReport, type DoctorCheck } from './doctor.js';
export { createDemo, type DemoResult } from './demo.js';
export { check, type CheckOptions, type CheckReport } from './check.js';
export { snapshot, type SnapshotOptions } from './snapshot.js';
export { copy, type CopyOptions } from './copy.js';
export { verify, type VerifyOptions } from './verify.js';
export { splitRef, type DatabaseRef } from './refs.js';
