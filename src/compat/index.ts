/**
 * Schema compatibility: the diff between two snapshots (changes as data), the analyzers that
 * classify it (findings as data), and the data questions between them. Pure: no I/O.
 */
export { diff, matchByName, findByName, normalizeDefault, compareNames, type NameMatch } from './diff.js';
export { classifyTypeChange, sameType, type TypeChange, type TypeCheck, type ColumnRef } from './type-change.js';
export { CodeRegistry, FINDING_CODES, listCodes, type CodeInfo, type FindingCode } from './codes.js';
export { analyze, proofsNeeded, checkSchemas, compareFindings, ANALYZERS, type AnalyzeContext, type SchemaCheck } from './analyze.js';
export type { Analyzer, Draft, Outcome, SchemaPair } from './analyzers/analyzer.js';
export { probableRenames, type ProbableRename } from './analyzers/rename-analyzer.js';
export { renameScore, nameSimilarity, nameTokens, typeAffinity, RENAME_THRESHOLD, type RenameScore } from './rename-score.js';
export type { Change, ChangeKind, ColumnChangeFlag } from './changes.js';
export { proofKey, type ProofRequest, type ProofResult, type ProofFailure, type ProofBasis, type Evidence } from './proofs.js';
export { summarize, type Finding, type FindingSummary, type Severity } from './finding.js';
