export { FerryError, isFerryError, type ErrorMeta } from './ferry-error.js';
export { ERROR_CODES, isErrorCode, type ErrorCode } from './codes.js';
